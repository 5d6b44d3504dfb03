import { expect } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { mustBuild } from '../validation/helpers.ts';

/** Builds and runs a scenario written as plain data. */
export const run = (input: Record<string, any>, seed = 1) => simulate(mustBuild(input), seed);

/** The one element of a list (failing the test when there is not exactly one). */
export const only = <T>(xs: T[]): T => {
  expect(xs.length).toBe(1);
  return xs[0];
};

/**
 * A small linkage world for mechanism tests: zones on a line, straight travel at 36 km/h with no
 * emergency factor (so 0.01° of longitude at 30° N ≈ 96 s), and every delay fixed unless a test
 * changes it.
 */
export function linkageBase(): Record<string, any> {
  return {
    start: '2026-06-01T08:00:00+08:00',
    duration: '12h',
    zones: [
      { id: 'A', population: 1, lon: 120.0, lat: 30 },
      { id: 'B', population: 1, lon: 120.1, lat: 30 },
    ],
    travel: { model: 'straight', speedKmh: 36, detour: 1, emergencyFactor: 1 },
    agencies: [
      { id: 'FIRE', kind: 'fire', tier: 1, channel: 'platform', channels: { platform: 10, phone: 120, radio: 60 }, alertDelay: 0 },
      { id: 'POLICE', kind: 'police', tier: 1, channel: 'platform', channels: { platform: 10, phone: 120, radio: 60 }, alertDelay: 0 },
      { id: 'EMS', kind: 'ems', tier: 1, channel: 'platform', channels: { platform: 10, phone: 120, radio: 60 }, alertDelay: 0 },
      { id: 'ENV', kind: 'environment', tier: 2, channel: 'phone', channels: { platform: 10, phone: 300, radio: 60 }, alertDelay: 0 },
      { id: 'RC', kind: 'redcross', tier: 3, channel: 'phone', channels: { platform: 10, phone: 600, radio: 60 }, alertDelay: 0 },
    ],
    stations: [
      { id: 'SA', lon: 120.0, lat: 30 },
      { id: 'SB', lon: 120.1, lat: 30 },
    ],
    units: [
      { id: 'E', agency: 'FIRE', type: 'engine', station: 'SA', count: 4, turnout: 0 },
      { id: 'P', agency: 'POLICE', type: 'patrol', station: 'SA', count: 2, turnout: 0 },
      { id: 'M', agency: 'EMS', type: 'ambulance', station: 'SB', count: 2, turnout: 0 },
      { id: 'V', agency: 'ENV', type: 'monitor', station: 'SB', turnout: 0 },
      { id: 'R', agency: 'RC', type: 'team', station: 'SB', turnout: 0 },
    ],
    center: { callTakers: 4, answerTime: 0, handlingTime: 60, verificationTime: 30, planTime: 10 },
    incidentTypes: [{ id: 'fire', callers: { count: 1, delay: 0 }, workTime: 1800, grades: { IV: 1 } }],
    plans: [
      { type: 'fire', grade: 'IV', response: [{ agency: 'fire', unitType: 'engine' }] },
      { type: 'fire', grade: 'III', response: [{ agency: 'fire', unitType: 'engine', count: 2 }, { agency: 'ENV', unitType: 'monitor' }] },
      {
        type: 'fire',
        grade: ['II', 'I'],
        commandPost: true,
        response: [
          { agency: 'fire', unitType: 'engine', count: 3 },
          { agency: 'ENV', unitType: 'monitor' },
          { agency: 'RC', unitType: 'team', afterApproval: true },
        ],
      },
    ],
    command: { reportDelay: 300, approvalDelay: 900, expertsDelay: 1800, commandPostSetup: 600, handoffFactor: 0.5 },
    demand: { scripted: [{ at: '1h', type: 'fire', zone: 'A', grade: 'IV' }] },
  };
}
