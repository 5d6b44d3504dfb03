/**
 * `calibrated.yaml`: the fitted parameters as a scenario fragment, for a scenario to take with
 * `include: [calibrated.yaml]` (laid over the scenario: what the fragment says replaces what the
 * scenario says, by id). What it sets, and why:
 * - center.handlingTime: call handling;
 * - agencies[].alertDelay: the dispatch delay from the end of the call to the agency's first unit
 *   alerted. A CAD export does not time the center's verification, plan and order transmission apart
 *   from the agency's alerting, so the fragment folds them into this one fitted delay and sets
 *   center.verificationTime, center.planTime and the agency's channel delay to 0;
 * - agencies[].turnout (and units[].turnout for unit definitions that give their own): by day and night;
 * - incidentTypes[].workTime and transport.probability; hospitals[].handover;
 * - travel.congestion and travel.noise (against the scenario's free-flow times);
 * - demand.background per type: rate, zone weights (counts), hourly profile, weekday and month
 *   factors, and a gamma day factor where the daily counts are overdispersed.
 */
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Dist } from '../random/distributions.ts';
import type { Calibration, Quantity } from './calibrate.ts';
import { dateOfDay } from './cad/rows.ts';

/** What the fragment needs to know of the scenario it is for (all optional). */
export interface FragmentTarget {
  /** Each agency's channel (its delay is folded into alertDelay). */
  channels: Record<string, string>;
  /** Unit definitions (as written) that set their own turnout, by agency. */
  unitsWithOwnTurnout: Record<string, string[]>;
  /** Hospital ids (a handover fitted without hospital names applies to each). */
  hospitals: string[];
}

const sig = (x: number, digits = 4) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits)));
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** A distribution as the scenario format writes it, rounded to 4 significant digits. */
export function distYaml(d: Dist): Record<string, unknown> | number {
  switch (d.dist) {
    case 'lognormal':
      return { dist: 'lognormal', mean: sig(d.mean), sd: sig(d.sd) };
    case 'gamma':
      return { dist: 'gamma', shape: sig(d.shape), scale: sig(d.scale) };
    case 'empirical':
      return { dist: 'empirical', values: d.values.map((v) => sig(v, 5)) };
    case 'fixed':
      return sig(d.value);
    default:
      return { ...d };
  }
}

const fitOf = (c: Calibration, kind: Quantity['kind'], group: string) => c.quantities.find((q) => q.kind === kind && q.group === group)?.fit;

/** The fragment as YAML text, with a header saying where it came from. */
export function fragmentYaml(c: Calibration, target: FragmentTarget | null, sourceName: string): string {
  const doc: Record<string, unknown> = {};
  const notes: string[] = [];
  const handling = fitOf(c, 'handling', 'center');
  const dispatchAgencies = c.quantities.filter((q) => q.kind === 'dispatch').map((q) => q.group);
  const center: Record<string, unknown> = {};
  if (handling) center.handlingTime = distYaml(handling.dist);
  if (dispatchAgencies.length) {
    center.verificationTime = 0;
    center.planTime = 0;
  }
  if (Object.keys(center).length) doc.center = center;

  const agencyIds = [...new Set(c.quantities.filter((q) => q.kind === 'dispatch' || q.kind === 'turnout').map((q) => q.group.split('/')[0]))].sort();
  const agencies = agencyIds.map((id) => {
    const a: Record<string, unknown> = { id };
    const delay = fitOf(c, 'dispatch', id);
    if (delay) {
      a.alertDelay = distYaml(delay.dist);
      const ch = target?.channels[id];
      a.channels = ch ? { [ch]: 0 } : { platform: 0, phone: 0, radio: 0 };
    }
    const turnout = turnoutYaml(c, id);
    if (turnout) a.turnout = turnout;
    return a;
  });
  if (agencies.length) doc.agencies = agencies;
  const units = agencyIds.flatMap((id) => (target?.unitsWithOwnTurnout[id] ?? []).map((u) => ({ id: u, turnout: turnoutYaml(c, id) })).filter((u) => u.turnout));
  if (units.length) doc.units = units;

  const types = [...new Set([...c.quantities.filter((q) => q.kind === 'onscene').map((q) => q.group), ...c.transport.filter((t) => t.transported > 0).map((t) => t.type)])].sort();
  const incidentTypes = types.map((id) => {
    const t: Record<string, unknown> = { id };
    const work = fitOf(c, 'onscene', id);
    if (work) t.workTime = distYaml(work.dist);
    const tr = c.transport.find((x) => x.type === id);
    if (tr && tr.transported > 0) t.transport = { probability: r3(tr.share) };
    return t;
  });
  if (incidentTypes.length) doc.incidentTypes = incidentTypes;

  const handovers = c.quantities.filter((q) => q.kind === 'handover');
  const hospitals = handovers.flatMap((q) => {
    if (q.group !== '') return [{ id: q.group, handover: distYaml(q.fit.dist) }];
    if (target?.hospitals.length) return target.hospitals.map((id) => ({ id, handover: distYaml(q.fit.dist) }));
    notes.push('# handover was fitted without hospital names; give --scenario to write it onto its hospitals');
    return [];
  });
  if (hospitals.length) doc.hospitals = hospitals;

  if (c.travel) {
    const s = c.travel.noiseSigma.value;
    const mean = Math.exp((s * s) / 2);
    doc.travel = { congestion: c.travel.congestion.map(r3), noise: { dist: 'lognormal', mean: sig(mean), sd: sig(mean * Math.sqrt(Math.expm1(s * s))) } };
  }

  const background = c.demand.map((d) => {
    const b: Record<string, unknown> = { type: d.type, ratePerDay: sig(d.ratePerDay.value) };
    if (c.has.zone && d.zones.length) b.zones = Object.fromEntries(d.zones.map((z) => [z.zone, z.n]));
    b.profile = d.hourly.map((h) => r3(h.factor));
    if (d.weekly) b.weekly = d.weekly.map((w) => r3(w.factor));
    if (d.monthly) b.monthly = d.monthly.map((m) => r3(m.factor));
    if (d.dispersion?.model === 'negative-binomial' && d.dispersion.k) b.dayFactor = { dist: 'gamma', shape: sig(d.dispersion.k.value), mean: 1 };
    return b;
  });
  if (background.length) doc.demand = { background };

  const header = [
    `# linkdrill calibration of ${sourceName}: ${c.incidents} incidents, ${dateOfDay(c.firstDay)} – ${dateOfDay(c.lastDay)} (${c.days} days).`,
    '# Include it in a scenario with `include: [calibrated.yaml]`: it is laid over the scenario, so what it',
    '# sets replaces the scenario’s own values (by id). Intervals and goodness of fit: calibration.html.',
    ...(dispatchAgencies.length
      ? ['# The dispatch delay (end of call → first unit alerted) is folded into each agency’s alertDelay, so', '# center.verificationTime, center.planTime and the agency’s channel delay are set to 0.']
      : []),
    ...notes,
  ];
  return `${header.join('\n')}\n${yamlText(doc)}`;
}

/** YAML with lists of numbers and distributions written inline, everything else as blocks. */
function yamlText(value: unknown): string {
  const d = new Document(value);
  visit(d, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
    Map(_, node) {
      if (node.items.some((p) => isScalar(p.key) && p.key.value === 'dist') || node.items.every((p) => isScalar(p.value) || (isSeq(p.value) && p.value.items.every((i) => isScalar(i))))) {
        if (node.items.length <= 12 && !node.items.some((p) => isMap(p.value))) node.flow = true;
      }
    },
  });
  return d.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function turnoutYaml(c: Calibration, agency: string): Record<string, unknown> | null {
  const day = fitOf(c, 'turnout', `${agency}/day`);
  const night = fitOf(c, 'turnout', `${agency}/night`);
  if (!day && !night) return null;
  return { day: distYaml((day ?? night)!.dist), night: distYaml((night ?? day)!.dist) };
}
