/**
 * Why the engine refused an injection, as plain data: a code and the ids involved. The engine does not
 * format; the words a person reads (Chinese and English) are made from this in `src/report/refusal.ts`.
 * Plain and structured-cloneable: it crosses the worker boundary and is kept in exercise logs.
 */
import type { Channel } from '../scenario/scenario.ts';
import type { UnitStatus } from './world.ts';

/** One refusal. Ids are as the injection named them (an incident by its id or its name). */
export type Refusal =
  // What the injection names does not exist (or no longer).
  | { code: 'no-incident'; incident: string }
  | { code: 'unknown-unit'; unit: string }
  | { code: 'unknown-agency'; agency: string }
  | { code: 'unknown-incident-type'; type: string }
  | { code: 'unknown-zone'; zone: string }
  | { code: 'no-station-units'; station: string }
  | { code: 'no-road-closure'; road: string }
  | { code: 'no-background-demand'; type: string }
  | { code: 'no-unit-type'; agency: string; unitType: string }
  // The state does not allow it.
  | { code: 'incident-closed'; incident: string }
  | { code: 'no-size'; type: string }
  | { code: 'channel-down-already'; channel: Channel }
  | { code: 'channel-up-already'; channel: Channel }
  | { code: 'not-graded'; incident: string }
  | { code: 'unit-not-free'; unit: string; status: UnitStatus }
  | { code: 'command-post-ordered'; incident: string }
  | { code: 'approved-already'; incident: string }
  | { code: 'unit-not-left'; unit: string }
  | { code: 'unit-not-en-route'; unit: string; status: UnitStatus }
  // A new incident asked for wrongly.
  | { code: 'no-place' }
  | { code: 'name-taken'; name: string }
  | { code: 'pin-without-name' };

export type RefusalCode = Refusal['code'];
