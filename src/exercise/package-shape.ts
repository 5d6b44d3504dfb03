/**
 * An exercise package as it is played: plain data, times in seconds from the exercise start, texts
 * in both languages, injections checked against the scenario. `package.ts` loads and checks it.
 */
import type { Injection } from '../engine/inject.ts';
import type { Detect } from './detect.ts';
import type { Text } from './text.ts';

export interface ExpectedAction {
  id: string;
  phase: string;
  role: string;
  action: Text;
  /** Window, in seconds from the exercise start. */
  fromS: number;
  byS: number;
  detect: Detect;
}

export interface Inject {
  id: string;
  /** Delivery, in seconds from the exercise start (for a contingency: its `by`). */
  tS: number;
  phase: string;
  from: string;
  to: string;
  kind: string;
  synopsis: Text;
  /** What the engine does, or null for a message that only informs. */
  action: Injection | null;
  expected: string[];
  /** Delivered only if the expected action `unless` has not happened by `tS`. */
  contingency: { unless: string } | null;
}

export interface DecisionOption {
  id: string;
  label: Text;
  actions: Injection[];
}

export interface DecisionPoint {
  id: string;
  tS: number;
  phase: string;
  role: string;
  prompt: Text;
  options: DecisionOption[];
  default: string;
  expected: string | null;
  timeoutS: number | null;
}

export interface Phase {
  id: string;
  title: Text;
  fromS: number;
  situation: Text;
  questions: Text[];
}

export interface EvaluationItem {
  id: string;
  text: Text;
  evidence: { indicator: string } | { expected: string[] } | { decision: string } | null;
}
export interface CriticalTask {
  id: string;
  title: Text;
  critical: boolean;
  items: EvaluationItem[];
}
export interface Objective {
  id: string;
  title: Text;
  capabilities: { id: string; title: Text; tasks: CriticalTask[] }[];
}

/** An exercise, ready to play: plain data. */
export interface ExercisePackage {
  name: string;
  title: Text;
  description: Text | null;
  kind: 'tabletop' | 'functional';
  guide: string;
  trains: Text;
  /** Scenario time (s) of the exercise start, and its length (s). */
  startS: number;
  durationS: number;
  seed: number;
  focus: string[];
  playSpeed: number;
  roles: { id: string; name: Text }[];
  objectives: Objective[];
  phases: Phase[];
  expected: ExpectedAction[];
  /** Scheduled injects by time, then as written; contingencies at their `by`. */
  injects: Inject[];
  decisions: DecisionPoint[];
  reports: { incident: string; initialS: number; updatesS: number | null; final: boolean; role: string } | null;
  /** SHA-256 of the package files and of the scenario as normalised: a log replays only on these. */
  hash: { package: string; scenario: string };
}
