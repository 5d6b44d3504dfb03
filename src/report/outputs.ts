/**
 * Everything a run folder holds: the CSV files, `indicators.csv`, `run.json` (what re-rendering needs
 * besides the CSV) and the after-action report `report.html`. The writer takes a run as it happens —
 * events one by one, then each replication's records — and hands the files' text to sinks as it goes,
 * so a run of many replications, or of a year, holds one replication at a time.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { RunRecords } from '../engine/records.ts';
import type { LogEvent } from '../engine/log.ts';
import { csvStart, EMPTY_END, EVENT_COLUMNS, RECORD_TABLES, writeEventLine, SUMMARY_COLUMNS, type Cell, type RecordTable, type RepOutput } from './csv.ts';
import { CsvEncoder, type ChunkSink } from './csv-encoder.ts';
import { ReportBuilder, renderReport, type ReportData, type RunMeta } from './aar.ts';
import type { IndicatorSpec, ScoreResult } from '../metrics/score.ts';
import { summarise, type SummaryRow } from '../metrics/stats.ts';
import { asWritten } from './read.ts';
import { mapData } from './map.ts';
import type { Lang } from './i18n.ts';

/** The metadata of a run of `scenario` with these seeds. */
export function runMeta(scenario: Scenario, seeds: number[]): RunMeta {
  return {
    scenario: {
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      start: scenario.start,
      startSecondOfDay: scenario.startSecondOfDay,
      durationS: scenario.durationS,
      agencies: scenario.agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, tier: a.tier })),
      incidentTypes: scenario.incidentTypes.map((t) => ({ id: t.id, name: t.name })),
    },
    seeds,
    scoring: scenario.scoring,
    map: mapData(scenario),
  };
}

export const INDICATOR_COLUMNS = ['rep', 'indicator', 'group', 'n', 'value', 'target', 'zero_at', 'score', 'weight', 'critical', 'source'] as const;

/** The `source` cell: the target's citation, or — where the scenario changed it — that, with the default's. */
export const sourceRef = (spec: IndicatorSpec): string => (spec.changed ? `scenario (default: ${spec.source.ref})` : spec.source.ref);

/** Opens the file `name` of the run folder: its bytes go to the sink returned, chunk by chunk, in order. */
export type OpenFile = (name: string) => ChunkSink;

/** A replication's score as rows of `summary.csv` (after its summary metrics). */
function scoreRows(res: ScoreResult): [string, number | string][] {
  const g = res.groups;
  return [
    ['score', res.score ?? NaN],
    ['score_alarm', g.alarm ?? NaN],
    ['score_mobilisation', g.mobilisation ?? NaN],
    ['score_linkage', g.linkage ?? NaN],
    ['score_command', g.command ?? NaN],
    ['score_information', g.information ?? NaN],
    ['score_outcome', g.outcome ?? NaN],
    ['rating', res.rating ?? ''],
  ];
}

/** A score's rows of `indicators.csv`, labelled `label` (a rep, or `all`). */
function indicatorRows(label: string | number, res: ScoreResult): Cell[][] {
  return res.indicators.map((i) => [label, i.spec.id, i.spec.group, i.n, i.value, i.spec.target, i.zeroAt, i.score, i.spec.weight, i.spec.critical, sourceRef(i.spec)]);
}

/** Copies records so that {@link asWritten} may change the copy (the caller keeps its own). */
function copyRecords(r: RunRecords): RunRecords {
  return {
    incidents: r.incidents.map((x) => ({ ...x })),
    calls: r.calls.map((x) => ({ ...x })),
    dispatches: r.dispatches.map((x) => ({ ...x })),
    units: r.units.map((x) => ({ ...x })),
    agencies: r.agencies.map((x) => ({ ...x })),
    depots: r.depots.map((x) => ({ ...x })),
  };
}

/** A CSV file being written row by row: its header first, and an empty table's blank line at the end. */
class CsvFile {
  readonly enc: CsvEncoder;
  private rows = 0;

  constructor(sink: ChunkSink, columns: readonly string[], bom: boolean) {
    this.enc = new CsvEncoder(sink);
    this.enc.raw(csvStart(columns, { bom }));
  }

  row(cells: readonly Cell[]): void {
    this.rows++;
    this.enc.line(cells);
  }

  /** A row the caller writes into `enc` itself (with its line end). */
  counted(): CsvEncoder {
    this.rows++;
    return this.enc;
  }

  end(): void {
    if (this.rows === 0) this.enc.raw(EMPTY_END);
    this.enc.flush();
  }
}

/** Writes a whole text file (`run.json`, `report.html`) to `sink`. */
function writeText(sink: ChunkSink, text: string): void {
  const enc = new CsvEncoder(sink);
  enc.raw(text);
  enc.flush();
}

/**
 * Writes a run folder as the run goes. Call `event` for each event as it happens, `addRep` for each
 * replication's records when it ends (reps in order, events of a rep before its records), then
 * `finish`. The scores come from the records as the CSV files hold them (rounded to 3 decimals), so
 * the report, `indicators.csv` and `summary.csv` agree with what `linkdrill report DIR` computes from
 * the folder later.
 */
export class RunFolderWriter {
  private readonly meta: RunMeta;
  private readonly report: ReportBuilder;
  private readonly bom: boolean;
  private readonly events: CsvFile;
  private readonly summary: CsvFile;
  private readonly tables: { table: RecordTable; file: CsvFile }[];
  /** `indicators.csv` lists the pooled rows first: each replication's rows wait here. */
  private readonly repIndicators: Cell[][] = [];

  constructor(
    scenario: Scenario,
    seeds: number[],
    private readonly open: OpenFile,
    private readonly options: { bom?: boolean; lang?: Lang } = {},
  ) {
    this.meta = runMeta(scenario, seeds);
    this.report = new ReportBuilder(this.meta);
    this.bom = options.bom === true;
    this.tables = RECORD_TABLES.map((table) => ({ table, file: new CsvFile(open(table.file), table.columns, this.bom) }));
    this.summary = new CsvFile(open('summary.csv'), SUMMARY_COLUMNS, this.bom);
    this.events = new CsvFile(open('events.csv'), EVENT_COLUMNS, this.bom);
  }

  /** One event of replication `rep`, as it happens. */
  event(rep: number, e: LogEvent): void {
    writeEventLine(this.events.counted(), rep, e);
  }

  /**
   * Replication `rep` has ended: writes its records and summary, and scores it. `own`: the records
   * are the writer's to change (they are rounded in place instead of copied). Returns the
   * replication's summary rows.
   */
  addRep(rep: number, records: RunRecords, own = false): SummaryRow[] {
    for (const { table, file } of this.tables) table.rows(rep, records, (cells) => file.row(cells));
    // Summary figures and scores both come from the records as written: what the files recompute, and what a batch reports.
    const written = asWritten(own ? records : copyRecords(records));
    const summary = summarise(written);
    const res = this.report.add(rep, written);
    for (const s of summary) this.summary.row([rep, s.metric, s.value]);
    for (const [m, v] of scoreRows(res)) this.summary.row([rep, m, v]);
    for (const r of indicatorRows(rep, res)) this.repIndicators.push(r);
    return summary;
  }

  /** Writes `indicators.csv`, `run.json` and the report; returns the pooled report data. */
  finish(): ReportData {
    for (const t of this.tables) t.file.end();
    this.summary.end();
    this.events.end();
    const report = this.report.finish();
    const indicators = new CsvFile(this.open('indicators.csv'), INDICATOR_COLUMNS, this.bom);
    for (const r of indicatorRows('all', report.result)) indicators.row(r);
    for (const r of this.repIndicators) indicators.row(r);
    indicators.end();
    writeText(this.open('run.json'), JSON.stringify(this.meta, null, 2) + '\n');
    writeText(this.open('report.html'), renderReport(report, this.options.lang ?? 'zh'));
    return report;
  }
}

/** All files of a run folder, by name, and the pooled report data (score, findings). */
export function runFolderFiles(scenario: Scenario, seeds: number[], outputs: readonly RepOutput[], options: { bom?: boolean; lang?: Lang } = {}): { files: Record<string, string>; report: ReportData } {
  const chunks = new Map<string, Uint8Array[]>();
  const open: OpenFile = (name) => {
    const c: Uint8Array[] = [];
    chunks.set(name, c);
    return (chunk) => void c.push(chunk.slice());
  };
  const w = new RunFolderWriter(scenario, seeds, open, options);
  for (const o of outputs) {
    for (const e of o.log) w.event(o.rep, e);
    w.addRep(o.rep, o.records);
  }
  const report = w.finish();
  // Keep a byte-order mark (--excel): it is part of the file.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const files: Record<string, string> = {};
  for (const [name, c] of chunks) files[name] = c.map((x) => decoder.decode(x, { stream: true })).join('') + decoder.decode();
  return { files, report };
}
