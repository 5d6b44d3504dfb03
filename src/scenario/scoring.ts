/**
 * The names the scoring rubric uses, known to the scenario loader so that a user-supplied rubric
 * (`scoring:`) can be checked with path-named errors before anything runs.
 */

/** Sub-scores of the linkage score, in report order. */
export const SCORE_GROUPS = ['alarm', 'mobilisation', 'linkage', 'command', 'information', 'outcome'] as const;

/** Indicator ids of the default rubric (A alarm … F outcome). */
export const INDICATOR_IDS = [
  'A1', 'A2', 'A3', 'A4', 'A5',
  'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7',
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6',
  'D1', 'D2',
  'E1', 'E2', 'E3',
  'F1', 'F2', 'F3', 'F4',
] as const;

/** Named profiles of report time limits (E1): the national rule, and a provincial example. */
export const REPORTING_PROFILES = ['national', 'henan'] as const;
export type ReportingProfile = (typeof REPORTING_PROFILES)[number];

/** Report time limits by grade (s), for 初报 (`first`) and 续报 (`update`); absent: not scored. */
export type ReportLimits = Partial<Record<'IV' | 'III' | 'II' | 'I', { first?: number; update?: number }>>;

/** A scenario's changes to the default rubric (all optional). */
export interface ScoringOverrides {
  groups?: Partial<Record<(typeof SCORE_GROUPS)[number], number>>;
  indicators?: Record<string, { target?: number; zeroAt?: number; weight?: number; percentile?: number; critical?: boolean }>;
  zeroAtMultiple?: number;
  kinds?: { fire?: string[]; ems?: string[] };
  /** Incident types that are fire suppression incidents (NFPA 1710/1720 indicators). */
  fireIncidents?: string[];
  /** Call channels of the 120 line (A2). */
  emsChannels?: string[];
  /** Report time limits: a named profile or limits by grade. */
  reporting?: ReportingProfile | ReportLimits;
}
