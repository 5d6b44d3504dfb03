/**
 * `batch.json`: what a batch folder records so that resume and merge only combine like with like —
 * the scenario, its variants, replications, first seed, shard and the digest of every input file.
 * Read back through zod, so a file cut short, edited or asking for absurd work (10¹⁵ replications)
 * is refused by name before anything is planned from it.
 */
import { jsonProblem, parseJson } from '../geo/import/json-text.ts';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { InputError, Words } from '../scenario/errors.ts';
import { reservedKeyErrors } from '../scenario/reserved.ts';
import { NO_SUCH_FOLDER } from '../scenario/files.ts';
import { withFound, zodErrors } from '../scenario/zod-messages.ts';
import { MAX_SEED, seedsFit } from '../random/streams.ts';
import type { Shard } from './plan.ts';

/** Most replications a batch runs (the CLI's `--reps` ceiling). */
export const MAX_REPS = 1_000_000;

export interface BatchMeta {
  scenario: { name: string; title: string };
  variants: { name: string; title: string; description: string }[];
  reps: number;
  seed: number;
  shard: Shard;
  /** SHA-256 of the scenario file and every side file it read (variant files included), by name. */
  inputs?: Record<string, string>;
}

const text = z.string().max(10_000);
const batchMetaSchema = z
  .object({
    scenario: z.object({ name: text, title: text }),
    variants: z.array(z.object({ name: text.min(1), title: text, description: z.string() })).min(1).max(1000),
    reps: z.number().int().min(1).max(MAX_REPS),
    seed: z.number().int().min(0).max(MAX_SEED),
    shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1).max(MAX_REPS) }),
    inputs: z.record(z.string(), z.string()).optional(),
  });


/** What the schema cannot say of a well-formed description: a shard beyond the count, seeds past the last. */
function crossFieldProblem(m: BatchMeta): InputError | null {
  if (m.shard.index > m.shard.count) return { path: 'shard.index', ...withFound({ zh: 'shard.index 不得大于 shard.count', en: 'shard.index must be at most shard.count' }, m.shard.index) };
  if (!seedsFit(m.seed, m.reps)) return { path: 'seed', ...withFound({ zh: `seed + reps 必须小于 ${MAX_SEED}`, en: `seed + reps must stay below ${MAX_SEED}` }, m.seed) };
  return null;
}

/** Parses a folder's batch.json; problems name the file (and the place in it). */
export function readBatchMeta(path: string): { meta: BatchMeta } | { error: InputError } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !existsSync(dirname(path))) return { error: { path: dirname(path), ...NO_SUCH_FOLDER } };
    if (code === 'ENOENT') return { error: { path, zh: '不存在——这是 linkdrill batch 写出的文件夹吗？', en: 'missing — is this a folder written by linkdrill batch?' } };
    return { error: { path, zh: `无法读取（${code}）`, en: `cannot be read (${code})` } };
  }
  const json = parseJson(text);
  if (!json.ok) return { error: jsonProblem(path, json.why, { is: true, after: { zh: '；请在新的文件夹中重新开始批量运行', en: '; start the batch again in a new folder' } }) };
  const value = json.value;
  const problems = reservedKeyErrors(value);
  const parsed = batchMetaSchema.safeParse(value);
  const first = problems[0] ?? (parsed.success ? crossFieldProblem(parsed.data) : zodErrors(parsed.error.issues, value)[0]);
  if (!first && parsed.success) return { meta: parsed.data };
  return {
    error: {
      path,
      zh: `不是 linkdrill 批量运行说明：${first!.path ? `${first!.path}：` : ''}${first!.zh}`,
      en: `is not a linkdrill batch description: ${first!.path ? `${first!.path}: ` : ''}${first!.en}`,
    },
  };
}

/** The parts of two batches that must agree for their replications to be combined. */
export const sameBatch = (a: BatchMeta, b: BatchMeta) =>
  JSON.stringify([a.scenario, a.variants, a.reps, a.seed]) === JSON.stringify([b.scenario, b.variants, b.reps, b.seed]);

/** Which input files differ between two batches' digests, in words; empty when none does. */
export function changedInputs(was: Record<string, string> | undefined, now: Record<string, string>): Words[] {
  if (!was) return [{ zh: '该文件夹没有记录输入文件的摘要（由较早版本的 linkdrill 写出）', en: 'the folder records no input digests (written by an older linkdrill)' }];
  const out: Words[] = [];
  for (const [name, h] of Object.entries(now)) {
    if (!Object.hasOwn(was, name)) out.push({ zh: `${name}（先前的批量运行未读取）`, en: `${name} (not read by the earlier batch)` });
    else if (was[name] !== h) out.push({ zh: `${name}（内容已改变）`, en: `${name} (content changed)` });
  }
  for (const name of Object.keys(was)) if (!Object.hasOwn(now, name)) out.push({ zh: `${name}（现已不再读取）`, en: `${name} (no longer read)` });
  return out;
}
