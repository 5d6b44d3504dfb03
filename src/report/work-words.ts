/**
 * The estimated work of a replication (engine/estimate.ts) in words, for the refusal the CLI and the
 * app's worker give when one replication would be more than the ceiling: how much, from which
 * inputs, and what to do — in Chinese and English.
 */
import { DEFAULT_MAX_EVENTS, MAX_EVENTS_OPTION, workProblem, type WorkOverrun, type WorkPlace, type WorkWhat } from '../engine/estimate.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { InputError, Words } from '../scenario/errors.ts';

/** A count in words, exact while small (`12`), then rounded (`3.4 million`, `2.1e+15`). Locale-free. */
export function approx(n: number): string {
  if (!Number.isFinite(n)) return 'more than 1e308';
  if (n < 10) return String(Number(n.toPrecision(2)));
  if (n < 1e4) return String(Math.round(n));
  if (n < 1e6) return `${Math.round(n / 1e3)} thousand`;
  if (n < 1e9) return `${Number((n / 1e6).toPrecision(3))} million`;
  if (n < 1e12) return `${Number((n / 1e9).toPrecision(3))} billion`;
  return n.toExponential(1);
}

/** A count in Chinese words, exact while small (`12`), then rounded (`5.68万`, `346万`, `25亿`, `2.1e+15`). Locale-free. */
export function approxZh(n: number): string {
  if (!Number.isFinite(n)) return '超过 1e308';
  if (n < 1e4) return approx(n);
  if (n < 1e8) return `${Number((n / 1e4).toPrecision(3))}万`;
  if (n < 1e12) return `${Number((n / 1e8).toPrecision(3))}亿`;
  return n.toExponential(1);
}

/** What an input makes, in words (`850 incidents of type fire`, `850 起“fire”类事件`). */
export function whatWords(w: WorkWhat): Words {
  switch (w.kind) {
    case 'incidents':
      return { zh: `${approxZh(w.n)} 起“${w.type}”类事件`, en: `${approx(w.n)} incidents of type ${w.type}` };
    case 'calls':
      return { zh: `${approxZh(w.n)} 次来电（每起事件 ${approxZh(w.each)} 次）`, en: `${approx(w.n)} calls (${approx(w.each)} per incident)` };
    case 'sent':
      return { zh: `出动 ${approxZh(w.n)} 个单位`, en: `${approx(w.n)} units sent` };
    case 'no-unit-calls':
      return { zh: `${approxZh(w.n)} 次无需出动的来电`, en: `${approx(w.n)} calls that need no unit` };
    case 'choosing':
      return { zh: `为 ${approxZh(w.requests)} 次请求在 ${approxZh(w.units)} 个单位中选派`, en: `choosing among ${approx(w.units)} units for ${approx(w.requests)} requests` };
    case 'units':
      return { zh: `${approxZh(w.n)} 个单位`, en: `${approx(w.n)} units` };
    case 'own-duties':
      return { zh: '单位执行本单位勤务', en: 'units’ own duties' };
    case 'duty-changes':
      return { zh: '单位下岗与上岗', en: 'units going off and on duty' };
    case 'hours':
      return { zh: `${approxZh(w.n)} 小时的勤务变化`, en: `${approx(w.n)} hours of duty changes` };
    case 'outages':
      return { zh: `${approxZh(w.n)} 次通信中断`, en: `${approx(w.n)} outages` };
    case 'restocks':
      return { zh: '储备补充', en: 'restocks' };
  }
}

/**
 * Where an input is written, in words: a key as it is in both languages, an incident type's entries
 * with the words around the keys in the reader's language (`plans (type fire)`, `plans（事件类型 fire）`).
 */
export function placeWords(p: WorkPlace): Words {
  if ('key' in p) return { zh: p.key, en: p.key };
  return { zh: `${p.of}（事件类型 ${p.type}）`, en: p.of === 'demand' ? `demand (incident type ${p.type})` : `plans (type ${p.type})` };
}

/** Why one replication is too much work: how much, from which inputs, and what to do. */
export function overrunWords(o: WorkOverrun): Words {
  const e = o.estimate;
  const top = (lang: keyof Words, sep: string, colon: string) => o.heavy.map((p) => `${placeWords(p.place)[lang]}${colon}${whatWords(p.what)[lang]}`).join(sep);
  const raise = Math.ceil(e.events * 1.1);
  const runnable = e.events <= MAX_EVENTS_OPTION;
  return {
    zh:
      `一次重复运行约产生 ${approxZh(e.events)} 条事件记录（${approxZh(e.incidents)} 起事件、${approxZh(e.calls)} 次来电、出动 ${approxZh(e.requests)} 个单位，历时 ${approxZh(o.days)} 天），` +
      `超过上限 ${approxZh(o.maxEvents)} 条；主要来自 ${top('zh', '；', '：')}。` +
      (runnable ? `请缩短时长或调低上述数值，或用 --max-events ${raise} 提高上限` : '这超出了任何机器的运行能力：请缩短时长或调低上述数值'),
    en:
      `one replication would log about ${approx(e.events)} events (${approx(e.incidents)} incidents, ${approx(e.calls)} calls, ${approx(e.requests)} units sent over ${approx(o.days)} days), ` +
      `more than the limit of ${approx(o.maxEvents)}; most of it from ${top('en', '; ', ': ')}. ` +
      (runnable ? `Shorten the duration or lower these, or raise the limit with --max-events ${raise}` : 'That is beyond what any machine can run: shorten the duration or lower these'),
  };
}

/**
 * The scenarios (a base and its variants, by name) whose replication is estimated to exceed
 * `maxEvents`, each named by the file and the variant (`big.yaml (variant far)`, which a Chinese
 * reader reads as `big.yaml（方案 far）`: see `placeZh`).
 */
export function workErrors(file: string, scenarios: readonly { name: string; scenario: Scenario }[], maxEvents: number = DEFAULT_MAX_EVENTS): InputError[] {
  const out: InputError[] = [];
  for (const { name, scenario } of scenarios) {
    const overrun = workProblem(scenario, maxEvents);
    if (overrun) out.push({ path: name === 'baseline' ? file : `${file} (variant ${name})`, ...overrunWords(overrun) });
  }
  return out;
}
