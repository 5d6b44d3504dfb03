/**
 * The exercise log: everything done in an exercise, in order, as JSON — clock moves, injects
 * delivered (scheduled, contingency, live), decisions with their options, choice and rationale,
 * overrides, notes, evaluators' observations and ratings, findings and the improvement plan. With the
 * package and scenario it names (by content hash) and the seed, it replays the exercise byte for byte.
 * Times `t` are seconds from the exercise start.
 */
import type { Injection } from '../engine/inject.ts';
import type { AutoRationale, Text } from './text.ts';
import type { FindingTag } from '../metrics/findings.ts';
import type { LoggedRefusal } from './refusal.ts';

export const LOG_FORMAT = 'linkdrill-exercise-log';
/** 2: a decision says when linkdrill wrote its rationale (`auto`); version 1 logs are read as version 2 (`readExerciseLog`). */
export const LOG_VERSION = 2;

/** What an inject delivered does: an engine injection, or a message to the room. */
export type Delivery = { injection: Injection } | { message: Text; from: string; to: string };

export type Rating = 'P' | 'S' | 'M' | 'U';
export type { FindingTag };

/**
 * One thing done, by the room, the facilitator, an evaluator — or the exercise's script. `refused` is
 * why the engine did not carry an action out, as the engine's data (words by `refusalWords`).
 */
export type Action = { seq: number; t: number } & (
  | { type: 'clock'; to: number; how: 'start' | 'next-inject' | 'next-decision' | 'next-stop' | 'by' | 'play' | 'to' | 'end' }
  | { type: 'inject'; inject: string; delivery: Delivery | null; refused?: LoggedRefusal }
  | { type: 'contingency'; inject: string; unless: string; delivered: boolean }
  | { type: 'prompt'; report: 'initial' | 'update' | 'final'; incident: string; role: string }
  | { type: 'decision-open'; decision: string }
  | { type: 'decision'; decision: string; role: string; options: string[]; choice: string; rationale: string; text?: string; timedOut?: boolean; refused?: LoggedRefusal[]; auto?: AutoRationale }
  | { type: 'live-inject'; id: string; delivery: Delivery; role?: string; refused?: LoggedRefusal }
  | { type: 'override'; injection: Injection; reason: string; refused?: LoggedRefusal }
  | { type: 'note'; text: string; role?: string }
  | { type: 'observe'; expected: string; met: boolean; note?: string; evaluator?: string }
  | { type: 'rate'; target: string; rating: Rating; observations: string; evaluator?: string }
  | { type: 'finding'; id: string; tag: FindingTag; text: string; refs?: string[] }
  | { type: 'improvement'; finding: string; action: string; owner: string; due: string }
  | { type: 'debrief'; text: string }
  | { type: 'self-assessment'; role: string; text: string; rating?: Rating }
);

export type ActionType = Action['type'];

/** Actions the script makes itself (a replay regenerates them); the others come from people. */
export const SCRIPTED: ReadonlySet<ActionType> = new Set(['inject', 'contingency', 'prompt', 'decision-open']);

/** Actions with no effect on the run (a replay keeps them as they were). */
export const RECORD_ONLY: ReadonlySet<ActionType> = new Set(['note', 'observe', 'rate', 'finding', 'improvement', 'debrief', 'self-assessment']);

export interface ExerciseLog {
  format: typeof LOG_FORMAT;
  version: number;
  exercise: { name: string; hash: string };
  scenario: { name: string; hash: string };
  seed: number;
  actions: Action[];
}

/** An action as a person asks for it (the session numbers and times it). */
export type ActionInput = Action extends infer A ? (A extends { seq: number; t: number } ? Omit<A, 'seq' | 't'> : never) : never;
