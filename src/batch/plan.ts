/**
 * Batch planning and bookkeeping: which (variant, replication) jobs a batch or a shard runs, the
 * wide `replications.csv` (one row per variant and replication, written as results arrive so an
 * interrupted batch keeps them, then sorted), and the paired comparison against the baseline.
 */
import { KPI_COLUMNS, type Kpi } from '../metrics/kpis.ts';
import type { ReplicationResult } from '../worker/api.ts';
import { csvLine, EOL, readText, toCsv } from '../report/csv.ts';
import { decimal, readCsvTable } from '../scenario/table.ts';
import { pairedDifferences, pairedInterval, replicationInterval, sameShiftP, tCdf } from '../metrics/stats.ts';
import { effectOf, holm, minDifferences, type Effect } from './verdict.ts';
import type { InputError } from '../scenario/errors.ts';
import { notANumber } from '../report/read.ts';
import { listWords } from '../report/list-words.ts';

export interface Job {
  variant: string;
  rep: number;
  seed: number;
}

/** `--shard i/n`: this machine runs replications k with (k − 1) mod n = i − 1. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/**
 * The jobs, replication by replication (every variant of replication k before k + 1), each variant
 * on the same seed for the same replication: common random numbers.
 */
export function planJobs(variants: readonly string[], reps: number, seed: number, shard: Shard = { index: 1, count: 1 }): Job[] {
  const jobs: Job[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    if ((rep - 1) % shard.count !== shard.index - 1) continue;
    for (const variant of variants) jobs.push({ variant, rep, seed: seed + rep - 1 });
  }
  return jobs;
}

export const REPLICATION_COLUMNS = ['variant', 'rep', 'seed', ...KPI_COLUMNS, 'rating'] as const;

/** One CSV line (with its CRLF) for a finished replication; text cells spreadsheet-safe like every other. */
export function replicationLine(r: ReplicationResult): string {
  return csvLine([r.variant, r.rep, r.seed, ...KPI_COLUMNS.map((k) => r.kpis[k]), r.rating]) + EOL;
}

/** The header line (column names need no quoting). */
/** The header line of `replications.csv`, after a UTF-8 byte order mark with `bom` (Excel then reads Chinese variant names). */
export const replicationsHeader = (bom = false) => (bom ? '\uFEFF' : '') + REPLICATION_COLUMNS.join(',') + '\r\n';

/** What a batch's rows must be: its variants, replications, first seed and shard. */
export interface ReplicationExpectation {
  variants: readonly string[];
  reps: number;
  seed: number;
  shard: Shard;
}

/**
 * Rows of a `replications.csv` (as numbers again), and problems named by file line. A last line
 * without its line end (cut anywhere, also between CR and LF) is an unfinished append: it is left
 * out, to be run again. With `expect`, rows of another batch (unknown variant, replication outside
 * the batch or the shard, wrong seed) and repeated rows are refused with their line numbers.
 */
export function readReplications(text: string, where = 'replications.csv', expect?: ReplicationExpectation): { rows: ReplicationResult[]; errors: InputError[] } {
  let body = text.replace(/^\uFEFF/, '');
  const lastEnd = body.lastIndexOf('\n');
  if (lastEnd < body.length - 1) body = body.slice(0, lastEnd + 1);
  const table = readCsvTable(body, where);
  const { fields, errors } = table;
  const missing = REPLICATION_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length) errors.push({ path: where, zh: `缺少列：${listWords(missing).zh}`, en: `missing columns: ${listWords(missing).en}` });
  if (errors.length) return { rows: [], errors };
  const rows: ReplicationResult[] = [];
  const seen = new Map<string, number>();
  const known = new Set(expect?.variants);
  table.rows.forEach(({ cells, row, complete }) => {
    const line = `${where} line ${row}`;
    if (!complete) {
      errors.push({ path: line, zh: '不是完整的一行（多了或少了单元格）', en: 'is not a complete row (a cell too many or too few)' });
      return;
    }
    const r: Record<string, string> = { ...cells, variant: readText(cells.variant), rating: readText(cells.rating) };
    const rep = Number(r.rep);
    const seed = Number(r.seed);
    if (!Number.isInteger(rep) || rep < 1 || !Number.isInteger(seed)) {
      errors.push({ path: line, zh: `rep“${r.rep}”和 seed“${r.seed}”必须是整数`, en: `rep "${r.rep}" and seed "${r.seed}" must be whole numbers` });
      return;
    }
    if (expect) {
      const inShard = (rep - 1) % expect.shard.count === expect.shard.index - 1;
      const { shard } = expect;
      if (!known.has(r.variant)) errors.push({ path: `${line}, column variant`, zh: `“${r.variant}”不是本次批量运行的方案`, en: `"${r.variant}" is not a variant of this batch` });
      else if (rep > expect.reps || !inShard) {
        errors.push({
          path: `${line}, column rep`,
          zh: `第 ${rep} 次重复不属于本次批量运行（${shard.count > 1 ? `分片 ${shard.index}/${shard.count}，` : ''}共 ${expect.reps} 次重复）`,
          en: `replication ${rep} is not part of this batch${shard.count > 1 ? ` (shard ${shard.index}/${shard.count}, ${expect.reps} replications)` : ` (${expect.reps} replications)`}`,
        });
      } else if (seed !== expect.seed + rep - 1) {
        errors.push({ path: `${line}, column seed`, zh: `种子 ${seed} 与第 ${rep} 次重复不符（应为 ${expect.seed + rep - 1}）`, en: `seed ${seed} does not belong to replication ${rep} (expected ${expect.seed + rep - 1})` });
      } else {
        const key = `${r.variant}|${rep}`;
        const first = seen.get(key);
        if (first !== undefined) errors.push({ path: line, zh: `方案 ${r.variant} 的第 ${rep} 次重复已出现过（首见于第 ${first} 行）`, en: `repeats ${r.variant} replication ${rep} (first on line ${first})` });
        else seen.set(key, row);
      }
    }
    const kpis = {} as Record<Kpi, number>;
    for (const k of KPI_COLUMNS) {
      // An empty cell is a figure the replication did not have; anything else must be a number.
      const v = r[k] === '' ? NaN : decimal(r[k]);
      if (v === null) errors.push({ path: `${line}, column ${k}`, ...notANumber(r[k]) });
      kpis[k] = v ?? NaN;
    }
    rows.push({ variant: r.variant, rep, seed, kpis, rating: r.rating });
  });
  return { rows, errors };
}

/** The final file: header, then rows sorted by replication, then variant order. */
export function replicationsCsv(rows: readonly ReplicationResult[], variantOrder: readonly string[], bom = false): string {
  const order = new Map(variantOrder.map((v, i) => [v, i]));
  const sorted = [...rows].sort((a, b) => a.rep - b.rep || (order.get(a.variant) ?? 1e9) - (order.get(b.variant) ?? 1e9) || (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0));
  return replicationsHeader(bom) + sorted.map(replicationLine).join('');
}

export interface ComparisonRow {
  variant: string;
  metric: Kpi;
  n: number;
  mean: number;
  sd: number;
  ci95Low: number;
  ci95High: number;
  /** Against the baseline, paired by replication (NaN for the baseline itself). */
  diffMean: number;
  diffLow: number;
  diffHigh: number;
  /** The paired 95% interval excludes 0 (unadjusted; null for the baseline or without data). */
  significant: boolean | null;
  /** Two-sided paired t-test p-value against the baseline (NaN for the baseline). */
  pValue: number;
  /** Holm-adjusted p-value, over this variant's KPIs. */
  pHolm: number;
  /** The smallest difference that matters for this KPI (its unit's default unless overridden). */
  minDiff: number;
  /** better / worse (real and at least minDiff), negligible (real but smaller), none (no evidence). */
  effect: Effect | null;
}

/** Two-sided p-value of a paired t-test of mean difference 0 (1 when every pair is equal; the sign test's when all differ alike). */
export function pairedPValue(a: readonly number[], b: readonly number[]): number {
  const d = pairedDifferences(a, b);
  const n = d.length;
  if (n < 2) return NaN;
  const mean = d.reduce((x, y) => x + y, 0) / n;
  const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (n - 1));
  if (sd === 0) return mean === 0 ? 1 : sameShiftP(n);
  const t = mean / (sd / Math.sqrt(n));
  return Math.min(1, 2 * (1 - tCdf(Math.abs(t), n - 1)));
}

/**
 * Every variant's KPIs with 95% intervals, and paired differences from the baseline with their
 * p-values (Holm-adjusted over the variant's KPIs) and effect, against each KPI's minimum that matters.
 */
export function compare(rows: readonly ReplicationResult[], variantOrder: readonly string[], minDiffOverrides: Partial<Record<Kpi, number>> = {}): ComparisonRow[] {
  const out: ComparisonRow[] = [];
  const minDiff = minDifferences(minDiffOverrides);
  const base = new Map(rows.filter((r) => r.variant === variantOrder[0]).map((r) => [r.rep, r]));
  for (const variant of variantOrder) {
    const mine = rows.filter((r) => r.variant === variant).sort((a, b) => a.rep - b.rep);
    for (const metric of KPI_COLUMNS) {
      const xs = mine.map((r) => r.kpis[metric]).filter(Number.isFinite);
      const iv = replicationInterval(xs);
      const row: ComparisonRow = {
        variant,
        metric,
        n: iv.n,
        mean: iv.n ? iv.mean : NaN,
        sd: iv.sd,
        ci95Low: iv.mean - iv.halfWidth,
        ci95High: iv.mean + iv.halfWidth,
        diffMean: NaN,
        diffLow: NaN,
        diffHigh: NaN,
        significant: null,
        pValue: NaN,
        pHolm: NaN,
        minDiff: minDiff[metric],
        effect: null,
      };
      if (variant !== variantOrder[0]) {
        const paired = mine.filter((r) => base.has(r.rep));
        const p = pairedInterval(paired.map((r) => r.kpis[metric]), paired.map((r) => base.get(r.rep)!.kpis[metric]));
        row.diffMean = p.mean;
        row.diffLow = p.low;
        row.diffHigh = p.high;
        row.significant = Number.isFinite(p.low) && Number.isFinite(p.high) ? p.low > 0 || p.high < 0 : null;
        row.pValue = pairedPValue(paired.map((r) => r.kpis[metric]), paired.map((r) => base.get(r.rep)!.kpis[metric]));
      }
      out.push(row);
    }
    if (variant === variantOrder[0]) continue;
    const mineRows = out.slice(out.length - KPI_COLUMNS.length);
    holm(mineRows.map((r) => r.pValue)).forEach((p, i) => {
      const r = mineRows[i];
      r.pHolm = p;
      r.effect = effectOf(r.metric, r.diffMean, p, r.minDiff);
    });
  }
  return out;
}

/**
 * A batch's replications as its files hold them — the sorted `replications.csv`, its rows read
 * back (figures rounded as written, whether run now, resumed or merged) — and their comparison: what
 * the CLI and the app both write and show.
 */
export function comparisonOf(rows: readonly ReplicationResult[], variantOrder: readonly string[], bom = false): { replicationsCsv: string; rows: ReplicationResult[]; cmp: ComparisonRow[] } {
  const text = replicationsCsv(rows, variantOrder, bom);
  const kept = readReplications(text).rows;
  return { replicationsCsv: text, rows: kept, cmp: compare(kept, variantOrder) };
}

export const COMPARISON_COLUMNS = ['variant', 'metric', 'n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'diff_mean', 'diff_ci95_low', 'diff_ci95_high', 'significant', 'p_value', 'p_holm', 'min_diff', 'effect'] as const;

export function comparisonCsv(rows: readonly ComparisonRow[], bom = false): string {
  return toCsv(
    COMPARISON_COLUMNS,
    rows.map((r) => [r.variant, r.metric, r.n, r.mean, r.sd, r.ci95Low, r.ci95High, r.diffMean, r.diffLow, r.diffHigh, r.significant === null ? null : r.significant, r.pValue, r.pHolm, r.minDiff, r.effect]),
    { bom },
  );
}
