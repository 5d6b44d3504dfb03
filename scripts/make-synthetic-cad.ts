/**
 * Makes the synthetic CAD export in test/fixtures/cad/ from a county whose true parameters are known
 * (test/fixtures/cad/truth.yaml): four weeks of the truth scenario simulated by linkdrill itself,
 * written the way a Chinese 119/120/110 linkage center's unit-history export looks — one row per unit
 * sent, Chinese headers and type and agency names, local wall-clock times to the whole second
 * (rounded), UTF-8 with a BOM — plus the column mapping that reads it (mapping.yaml).
 *
 * Known faults are then written into six rows (each a case the calibration must refuse or drop by row):
 * an unparseable time, a negative travel time, times out of order, an unknown zone, an unknown type and
 * a repeated row. They are listed in faults.json with their rows.
 *
 *   npx tsx scripts/make-synthetic-cad.ts        (rewrites cad.csv, mapping.yaml, faults.json)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadScenarioFile } from '../src/cli/io.ts';
import { simulate } from '../src/engine/simulate.ts';
import { toCsv } from '../src/report/csv.ts';
import { parseDateTime } from '../src/scenario/duration.ts';
import { formatErrors } from '../src/scenario/errors.ts';
import { formatCadTime } from '../src/calibrate/cad/rows.ts';

const DIR = resolve(import.meta.dirname, '../test/fixtures/cad');
const TYPE_NAMES: Record<string, string> = { fire: '火灾', medical: '医疗急救', traffic: '交通事故', security: '治安' };
const AGENCY_NAMES: Record<string, string> = { FIRE: '消防救援', EMS: '120急救', POLICE: '公安' };
const UNIT_TYPES: Record<string, string> = { engine: '水罐消防车', ambulance: '救护车', car: '巡逻车' };
const HEADER = ['事件编号', '事件类型', '事件等级', '所属辖区', '经度', '纬度', '接警时间', '应答时间', '通话结束时间', '车辆编号', '出动单位', '车辆类型', '派车时间', '出车时间', '到场时间', '离场时间', '送达医院', '到院时间', '可用时间'];

const loaded = loadScenarioFile(resolve(DIR, 'truth.yaml'));
if (!loaded.ok) throw new Error(formatErrors(loaded.errors, 'en'));
const s = loaded.value;
const start = parseDateTime(s.start, true)!;
const startAbs = start.dayNumber * 86400 + start.secondOfDay - start.offsetS;
const { records, log } = simulate(s, s.seed, { log: true });

// Local wall clock, to the second (each time rounded on its own, as a CAD system stores it).
const at = (t: number | null | undefined) => (t === null || t === undefined ? '' : formatCadTime(Math.round(startAbs + t), start.offsetS));
const firstCall = new Map<string, { tAnswer: number | null; tEnd: number | null }>();
for (const c of [...records.calls].sort((a, b) => a.tArrive - b.tArrive)) if (!firstCall.has(c.incidentId)) firstCall.set(c.incidentId, { tAnswer: c.tAnswer, tEnd: c.tEnd });
const hospitalOf = new Map<string, { id: string; t: number }>();
for (const e of log) if (e.kind === 'unit.hospital') hospitalOf.set(`${e.incident}/${e.unit}`, { id: e.data.hospital, t: e.t });
const byIncident = new Map<string, typeof records.dispatches>();
for (const d of records.dispatches) byIncident.set(d.incidentId, [...(byIncident.get(d.incidentId) ?? []), d]);

const rows: string[][] = [];
const incidents = [...records.incidents].sort((a, b) => (a.tFirstCall ?? a.tOccur) - (b.tFirstCall ?? b.tOccur));
for (const inc of incidents) {
  if (inc.tFirstCall === null) continue; // never reached the center: not in its records
  const call = firstCall.get(inc.incidentId)!;
  const head = [inc.incidentId.replace('inc-', 'JJ2025'), TYPE_NAMES[inc.type], inc.levelFinal ?? '', inc.zone, inc.lon.toFixed(5), inc.lat.toFixed(5), at(inc.tFirstCall), at(call.tAnswer), at(call.tEnd)];
  const ds = (byIncident.get(inc.incidentId) ?? []).filter((d) => d.tAlert !== null).sort((a, b) => a.tAlert! - b.tAlert!);
  if (ds.length === 0) rows.push([...head, '', '', '', '', '', '', '', '', '', '']);
  for (const d of ds) {
    const h = hospitalOf.get(`${d.incidentId}/${d.unitId}`);
    rows.push([...head, d.unitId, AGENCY_NAMES[d.agency], UNIT_TYPES[d.unitType], at(d.tAlert), at(d.tEnroute), at(d.tArrive), at(d.tClear), h?.id ?? '', at(h?.t), at(d.tAvailable)]);
  }
}

// Known faults, in rows spread through the file (line = index + 2).
const col = (name: string) => HEADER.indexOf(name);
const faults: { line: number; kind: string; what: string }[] = [];
const fault = (i: number, kind: string, what: string, change: (r: string[]) => void) => {
  change(rows[i]);
  faults.push({ line: i + 2, kind, what });
};
const withArrival = rows.map((r, i) => (r[col('到场时间')] !== '' && r[col('出车时间')] !== '' ? i : -1)).filter((i) => i >= 0);
fault(withArrival[40], 'time', 'arrival written as 25:61', (r) => (r[col('到场时间')] = r[col('到场时间')].replace(/ \d\d:\d\d/, ' 25:61')));
fault(withArrival[200], 'negative', 'arrival 5 minutes before leaving', (r) => (r[col('到场时间')] = shift(r[col('出车时间')], -300)));
fault(withArrival[400], 'order', 'alert after the unit cleared (arrival and departure blank)', (r) => {
  r[col('派车时间')] = shift(r[col('离场时间')] || r[col('出车时间')], 600);
  r[col('出车时间')] = '';
  r[col('到场时间')] = '';
});
fault(withArrival[600], 'zone', 'zone Z99', (r) => (r[col('所属辖区')] = 'Z99'));
fault(withArrival[800], 'type', 'type 地震 (not in the scenario)', (r) => (r[col('事件类型')] = '地震'));
const dup = withArrival[1000];
rows.splice(dup + 1, 0, rows[dup].slice());
faults.push({ line: dup + 3, kind: 'duplicate', what: 'the row above repeated' });

/** A CAD time moved by `s` seconds. */
function shift(text: string, s: number): string {
  const wc = parseDateTime(text, false)!;
  return formatCadTime(wc.dayNumber * 86400 + wc.secondOfDay - start.offsetS + s, start.offsetS);
}

writeFileSync(resolve(DIR, 'cad.csv'), toCsv(HEADER, rows, { bom: true }));
const mapping = `# Column mapping of the synthetic export cad.csv (what a county writes once for its CAD system).
columns:
  incident_id: 事件编号
  type: 事件类型
  grade: 事件等级
  zone: 所属辖区
  lon: 经度
  lat: 纬度
  t_call: 接警时间
  t_answer: 应答时间
  t_call_end: 通话结束时间
  unit: 车辆编号
  agency: 出动单位
  unit_type: 车辆类型
  t_alert: 派车时间
  t_enroute: 出车时间
  t_arrive: 到场时间
  t_clear: 离场时间
  hospital: 送达医院
  t_hospital: 到院时间
  t_available: 可用时间
values:
  type: {${Object.entries(TYPE_NAMES).map(([k, v]) => `${v}: ${k}`).join(', ')}}
  agency: {${Object.entries(AGENCY_NAMES).map(([k, v]) => `${v}: ${k}`).join(', ')}}
  unit_type: {${Object.entries(UNIT_TYPES).map(([k, v]) => `${v}: ${k}`).join(', ')}}
utcOffset: "+08:00"
zoneClasses: {Z1: urban, Z2: urban, Z3: urban, Z4: rural, Z5: rural, Z6: rural}
`;
writeFileSync(resolve(DIR, 'mapping.yaml'), mapping);
writeFileSync(resolve(DIR, 'faults.json'), JSON.stringify(faults, null, 2) + '\n');
console.log(`wrote ${rows.length} rows (${incidents.length} incidents) and ${faults.length} faults to ${DIR}`);
