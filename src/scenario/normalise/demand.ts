/** Demand: background Poisson streams by type, scripted incidents, a CAD history replayed, and calls that need no unit. */
import { GRADES, type ScenarioParsed } from '../schema.ts';
import type { Background, Center, FixedIncident, NonEmergencyStream, Scenario, Zone } from '../scenario.ts';
import type { WallClock } from '../duration.ts';
import { parseHistoryTable } from '../history.ts';
import { readCsvTable, type CsvTable } from '../table.ts';
import { WORKBOOK_FILE } from '../workbooks.ts';
import { toWgs84, type Crs } from '../../geo/import/crs.ts';
import { readSideBytes, readSideFile, unreadableWords } from '../files.ts';
import { nearestZone } from '../../geo/zones.ts';
import type { NormaliseContext } from './context.ts';
import { secs, weightsProblem, WEIGHTS_ALL_ZERO } from './dist.ts';
import { duplicateId, unknownIncidentType, unknownZone, ZONE_WEIGHTS_ZERO } from './words.ts';
import { distMean } from '../../random/distributions.ts';

function normaliseBackground(s: ScenarioParsed, zones: Zone[], zoneIds: Set<string>, typeIds: Set<string>, ctx: NormaliseContext): Background[] {
  const { err, dist } = ctx;
  return s.demand.background.map((b, i) => {
    const p = `demand.background[${i}]`;
    if (!typeIds.has(b.type)) err(`${p}.type`, unknownIncidentType(b.type));
    let zoneWeights: number[];
    if (b.zones === 'population') zoneWeights = zones.map((z) => z.population);
    else if (b.zones === 'uniform') zoneWeights = zones.map(() => 1);
    else {
      const m = new Map(Object.entries(b.zones));
      for (const k of m.keys()) if (!zoneIds.has(k)) err(`${p}.zones.${k}`, unknownZone(k));
      zoneWeights = zones.map((z) => m.get(z.id) ?? 0);
    }
    const zoneProblem = weightsProblem(zoneWeights);
    if (zoneProblem === WEIGHTS_ALL_ZERO) {
      if (b.ratePerDay > 0) err(`${p}.zones`, ZONE_WEIGHTS_ZERO);
    } else if (zoneProblem) err(`${p}.zones`, b.zones === 'population' ? { zh: '各区域人口过大：其总和不是有限数', en: 'the zones’ populations are too large: their sum is not a finite number' } : zoneProblem);
    const relative = (xs: number[] | undefined, key: string): number[] | null => (xs ? relativeTo1(xs, `${p}.${key}`, ctx) : null);
    const profile = hourProfile(b.profile, `${p}.profile`, ctx);
    const dayFactor = b.dayFactor === undefined ? null : dist(b.dayFactor, `${p}.dayFactor`);
    // The day factor spreads days around the rate; a mean other than 1 would silently change the rate.
    if (dayFactor && Math.abs(distMean(dayFactor) - 1) > 1e-6) err(`${p}.dayFactor`, { zh: `均值必须是 1（实际为 ${distMean(dayFactor)}）`, en: `must have mean 1 (it has ${distMean(dayFactor)})` });
    return { type: b.type, ratePerDay: b.ratePerDay, zoneWeights, profile, weekly: relative(b.weekly, 'weekly'), monthly: relative(b.monthly, 'monthly'), dayFactor };
  });
}

/** Relative factors scaled to mean 1 (an error when all are zero). */
function relativeTo1(xs: number[], path: string, ctx: NormaliseContext): number[] {
  const problem = weightsProblem(xs);
  if (problem) ctx.err(path, problem === WEIGHTS_ALL_ZERO ? { zh: '不能全为零', en: 'must not be all zero' } : problem);
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return xs.map((x) => x / (mean || 1));
}

/** A 24-hour profile scaled to mean 1 (flat when not given). */
function hourProfile(raw: number[] | undefined, path: string, ctx: NormaliseContext): number[] {
  return relativeTo1(raw ?? Array(24).fill(1), path, ctx);
}

/** Calls that need no unit, and a check that a stream on the non-emergency line has positions to answer it. */
function normaliseNonEmergency(s: ScenarioParsed, center: Center, ctx: NormaliseContext): NonEmergencyStream[] {
  const ids = new Set<string>();
  return s.demand.nonEmergency.map((n, i) => {
    const p = `demand.nonEmergency[${i}]`;
    if (ids.has(n.id)) ctx.err(`${p}.id`, duplicateId(n.id));
    ids.add(n.id);
    const channels = Object.entries(n.channels).map(([name, weight]) => ({ name, weight }));
    const channelProblem = weightsProblem(channels.map((ch) => ch.weight));
    if (channelProblem) ctx.err(`${p}.channels`, channelProblem);
    if (n.line === 'nonEmergency' && !(center.nonEmergencyTakers ?? []).some((x) => x > 0)) ctx.err(`${p}.line`, { zh: '联动中心没有非紧急线路：请给出 center.nonEmergencyTakers', en: 'the center has no non-emergency line: give center.nonEmergencyTakers' });
    return {
      id: n.id,
      name: n.name ?? n.id,
      ratePerDay: n.ratePerDay,
      profile: hourProfile(n.profile, `${p}.profile`, ctx),
      channels,
      channelWeights: channels.map((ch) => ch.weight),
      handlingTime: ctx.dist(n.handlingTime, `${p}.handlingTime`),
      transfer: n.transfer ? { probability: n.transfer.probability, time: ctx.dist(n.transfer.time, `${p}.transfer.time`) } : null,
      line: n.line,
    };
  });
}

/** Where a scripted or historical incident happens: its zone, or the zone nearest its lon/lat. */
function placeOf(o: { zone?: string; lon?: number; lat?: number }, p: string, zones: Zone[], ctx: NormaliseContext): { zone: string; lon: number; lat: number } | null {
  if (o.zone !== undefined) {
    const z = zones.find((zz) => zz.id === o.zone);
    if (!z) {
      ctx.err(`${p}.zone`, unknownZone(o.zone));
      return null;
    }
    return { zone: z.id, lon: o.lon ?? z.lon, lat: o.lat ?? z.lat };
  }
  if (o.lon === undefined || o.lat === undefined) {
    ctx.err(p, { zh: '需要给出 zone（区域），或 lon 和 lat（经纬度）', en: 'needs a zone or lon and lat' });
    return null;
  }
  const pt = { lon: o.lon, lat: o.lat };
  const z = nearestZone(zones, pt);
  return z ? { zone: z.id, ...pt } : null;
}

/** The history's table: a CSV side file, or a worksheet the host read ahead; `undefined` with the problem recorded. */
function historyTable(file: string, where: string, ctx: NormaliseContext): CsvTable | undefined {
  if (!WORKBOOK_FILE.test(file)) {
    const text = readSideFile(ctx.readFile, file, 'demand.history.file', ctx.errors);
    return text === undefined ? undefined : readCsvTable(text, where, (h) => h.trim().toLowerCase());
  }
  const t = ctx.workbooks.get(file);
  if (t === undefined) {
    // Not read ahead: missing (named as any side file is), or a host that reads no workbooks.
    if (readSideBytes(ctx.readBytes, file, 'demand.history.file', ctx.errors)) ctx.err('demand.history.file', { zh: `“${file}”是 Excel 工作簿，当前环境无法读取：请另存为 CSV`, en: `"${file}" is an Excel workbook, which this host does not read: save it as CSV` });
    return undefined;
  }
  if ('error' in t) {
    ctx.err('demand.history.file', unreadableWords(file, t.error));
    return undefined;
  }
  return t;
}

/** Scripted and historical incidents at fixed times, in a stable order. */
function normaliseFixed(s: ScenarioParsed, zones: Zone[], typeIds: Set<string>, start: WallClock | null, durationS: number, ctx: NormaliseContext, historyCrs: Crs): FixedIncident[] {
  const { err } = ctx;
  const fixed: FixedIncident[] = [];
  s.demand.scripted.forEach((x, i) => {
    const p = `demand.scripted[${i}]`;
    if (!typeIds.has(x.type)) err(`${p}.type`, unknownIncidentType(x.type));
    const at = placeOf(x, p, zones, ctx);
    const t = secs(x.at);
    if (durationS > 0 && t >= durationS) err(`${p}.at`, { zh: `晚于运行结束时间（${durationS} 秒）`, en: `is past the end of the run (${durationS} s)` });
    if (x.pin && !x.name) err(`${p}.pin`, { zh: '固定（pin）的事件需要名称（其随机数流按名称命名）', en: 'a pinned incident needs a name (its streams are named after it)' });
    if (x.name && fixed.some((f) => f.source === 'scripted' && f.name === x.name)) err(`${p}.name`, { zh: `已有另一个脚本事件名为“${x.name}”`, en: `another scripted incident is already called "${x.name}"` });
    if (at) fixed.push({ t, type: x.type, ...at, grade: x.grade ? GRADES.indexOf(x.grade) : null, name: x.name ?? '', source: 'scripted', pin: x.pin, size: x.size, callers: x.callers });
  });
  if (s.demand.history && start) {
    const where = `demand.history.file (${s.demand.history.file})`;
    const table = historyTable(s.demand.history.file, where, ctx);
    if (table !== undefined) {
      const r = parseHistoryTable(table, start, where);
      ctx.errors.push(...r.errors);
      r.rows.forEach((row) => {
        const p = `${where} row ${row.line}`;
        if (!typeIds.has(row.type)) {
          err(`${p}.type`, unknownIncidentType(row.type));
          return;
        }
        if (row.t < 0 || row.t >= durationS) return; // outside the simulated window: skipped, as CAD exports span more
        if (row.lon !== undefined && row.lat !== undefined) {
          const w = toWgs84(historyCrs, row.lon, row.lat);
          if (!Array.isArray(w)) {
            err(`${p}.lon`, w);
            return;
          }
          [row.lon, row.lat] = w;
        }
        const at = placeOf(row, p, zones, ctx);
        if (at) fixed.push({ t: row.t, type: row.type, ...at, grade: row.grade, name: row.name, source: 'history', pin: false });
      });
    }
  }
  // Stable order: by time, scripted before history at equal times, then as written.
  return fixed.sort((a, b) => a.t - b.t || (a.source === b.source ? 0 : a.source === 'scripted' ? -1 : 1));
}

export function normaliseDemand(s: ScenarioParsed, places: { zones: Zone[]; zoneIds: Set<string> }, typeIds: Set<string>, center: Center, start: WallClock | null, durationS: number, ctx: NormaliseContext, historyCrs: Crs = ctx.crs): Scenario['demand'] {
  return {
    background: normaliseBackground(s, places.zones, places.zoneIds, typeIds, ctx),
    fixed: normaliseFixed(s, places.zones, typeIds, start, durationS, ctx, historyCrs),
    nonEmergency: normaliseNonEmergency(s, center, ctx),
  };
}
