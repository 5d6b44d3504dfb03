/**
 * Communications (信息沟通): the shared platform, phone relay and radio. A channel can fail for a
 * window — from the scenario or at random — and traffic falls back to the next channel that is up,
 * with that channel's delay; with every channel down, messages wait for the first to come back.
 * Units' status reports travel by radio and may be lost, so the center's picture lags the truth.
 */
import type { Agency, Channel } from '../scenario/scenario.ts';
import { sample } from '../random/distributions.ts';
import type { UnitState, World } from './world.ts';
import * as dmath from '../random/math.ts';


/** Is `c` working now? */
export const isUp = (w: World, c: Channel): boolean => w.channelDown[c] === 0;

/** The channel an order to `agency` goes by now: its own if up, else the first fallback that is. */
export function channelFor(w: World, agency: Agency): Channel | null {
  if (isUp(w, agency.channel)) return agency.channel;
  for (const c of w.scenario.comms.fallback) if (c !== agency.channel && isUp(w, c)) return c;
  return null;
}

/**
 * Sends a message to `agency`'s command: `deliver(channel, delayS)` runs when it arrives. With no
 * channel up, it waits until one is restored and goes then.
 */
export function sendToAgency(w: World, agency: Agency, deliver: (channel: Channel, delayS: number) => void): void {
  const ch = channelFor(w, agency);
  if (ch === null) {
    const t0 = w.kernel.now();
    w.heldMessages.push(() => sendToAgency(w, agency, (c, d) => deliver(c, d + (w.kernel.now() - t0))));
    return;
  }
  const delayS = Math.max(0, sample(agency.channelDelay[ch], w.agencyRng.get(agency)!));
  w.kernel.after(delayS, () => deliver(ch, delayS));
}

function down(w: World, c: Channel, cause: 'scheduled' | 'random' | 'injected'): void {
  w.channelDown[c]++;
  if (w.channelDown[c] === 1) w.logging && w.emit('comms.down', {}, { channel: c, cause });
}

function up(w: World, c: Channel): void {
  w.channelDown[c]--;
  if (w.channelDown[c] > 0) return;
  w.logging && w.emit('comms.up', {}, { channel: c });
  const held = w.heldMessages;
  w.heldMessages = [];
  for (const m of held) m();
}

/**
 * An injected outage (an exercise's 信息沟通障碍) takes `c` down until it is put back; putting back a
 * channel that no injection took down does nothing. Returns false when there was nothing to do.
 */
export function injectOutage(w: World, c: Channel, isDown: boolean): boolean {
  if (isDown === w.injectedDown.has(c)) return false;
  if (isDown) {
    w.injectedDown.add(c);
    down(w, c, 'injected');
  } else {
    w.injectedDown.delete(c);
    up(w, c);
  }
  return true;
}

/** Schedules the scenario's outage windows and random failures. */
export function startComms(w: World): void {
  const { outages, random } = w.scenario.comms;
  for (const o of outages) {
    if (o.fromS >= w.scenario.durationS) continue;
    w.kernel.after(o.fromS, () => {
      down(w, o.channel, 'scheduled');
      w.kernel.after(o.toS - o.fromS, () => up(w, o.channel));
    });
  }
  for (const r of random) {
    if (!(r.ratePerDay > 0)) continue;
    const rng = w.streams.get(`comms/${r.channel}`);
    const next = () => {
      const gap = -dmath.log(1 - rng()) * (86400 / r.ratePerDay);
      if (w.kernel.now() + gap >= w.scenario.durationS) return;
      w.kernel.after(gap, () => {
        down(w, r.channel, 'random');
        w.kernel.after(Math.max(0, sample(r.duration, rng)), () => up(w, r.channel));
        next();
      });
    };
    next();
  }
}

/**
 * The unit's status changed between free and committed: it reports to the center by radio. Without
 * status reporting the center's picture follows at once; with it, after the report's delay (held while
 * the radio is down; a lost report gets through on the next status round).
 */
export function reportStatus(w: World, u: UnitState): void {
  const free = u.status === 'available' || u.status === 'returning';
  const sr = w.scenario.center.statusReports;
  if (!sr) {
    u.believedFree = free;
    u.believedAt = u.at;
    return;
  }
  const seq = ++u.reportSent;
  const rng = u.reportRng;
  let delayS = Math.max(0, sample(sr.delay, rng));
  const lost = rng() < sr.lossProbability;
  if (lost) {
    u.reportStats.lost++;
    delayS += Math.max(0, sample(sr.resendAfter, rng));
  }
  const at = u.at;
  const sentAt = w.kernel.now();
  w.kernel.after(delayS, () => reportArrives(w, u, seq, free, at, lost, sentAt));
}

/** A status report reaches the center (or waits for the radio to come back). */
function reportArrives(w: World, u: UnitState, seq: number, free: boolean, at: UnitState['at'], lost: boolean, sentAt: number): void {
  if (!isUp(w, 'radio')) {
    w.heldMessages.push(() => reportArrives(w, u, seq, free, at, lost, sentAt));
    return;
  }
  // Reports can overtake one another; the center keeps the newest it has seen.
  if (seq <= u.reportSeen) return;
  u.reportSeen = seq;
  const latencyS = w.kernel.now() - sentAt;
  u.reportStats.applied++;
  u.reportStats.latencySumS += latencyS;
  u.reportStats.latencyMaxS = Math.max(u.reportStats.latencyMaxS, latencyS);
  u.believedFree = free;
  u.believedAt = at;
  w.logging && w.emit('unit.report', { unit: u.def.id, agency: u.agency.id }, { free, resent: lost });
}
