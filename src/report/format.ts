/**
 * Words and numbers for people, in Chinese or English: values in their unit, times of day, and the
 * sentence of each finding. Everything human-facing that the engine and the metrics leave as data is
 * written here (and in `web/i18n` for the app's own labels).
 */
import type { Finding } from '../metrics/findings.ts';
import type { IndicatorSpec } from '../metrics/score.ts';
import type { Lang } from './i18n.ts';

/** A value in its unit, for people: seconds below two minutes, minutes above; shares as percent; ratios to a limit as “×”. */
export function formatValue(v: number, unit: 's' | 'share' | 'ratio', lang: Lang): string {
  if (unit === 'share') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'ratio') return lang === 'zh' ? `时限的 ${v.toFixed(2)} 倍` : `${v.toFixed(2)}× the limit`;
  if (Math.abs(v) < 120) return lang === 'zh' ? `${Math.round(v)} 秒` : `${Math.round(v)} s`;
  return lang === 'zh' ? `${(v / 60).toFixed(1)} 分钟` : `${(v / 60).toFixed(1)} min`;
}

/**
 * A number for people with `digits` significant digits (estimates and their intervals), locale-free:
 * "–" for a missing value, "∞" for an unbounded one, an exponent only for very large or small sizes.
 */
export function formatSignificant(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x !== 0 && (Math.abs(x) >= 1e7 || Math.abs(x) < 1e-4)) return x.toExponential(2);
  return String(Number(x.toPrecision(digits)));
}

/** Time from an exercise's start (s) as T+h:mm. */
export function tPlus(s: number): string {
  return `T+${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}

/** Wall-clock time of day of simulation time `t` (HH:MM, with +Nd past the first day). */
export function clock(startSecondOfDay: number, t: number): string {
  const s = startSecondOfDay + t;
  const day = Math.floor(s / 86400);
  const sod = ((s % 86400) + 86400) % 86400;
  const hh = String(Math.floor(sod / 3600)).padStart(2, '0');
  const mm = String(Math.floor((sod % 3600) / 60)).padStart(2, '0');
  return `${day > 0 ? `+${day}d ` : ''}${hh}:${mm}`;
}

const CHANNEL_NAMES: Record<string, Record<Lang, string>> = {
  phone: { zh: '电话转接', en: 'phone relay' },
  platform: { zh: '信息共享平台', en: 'the shared platform' },
  radio: { zh: '无线电', en: 'radio' },
};

/** The report stage an E1 item is about (its note), in words. */
const STAGE_WORDS: Record<string, Record<Lang, string>> = {
  first: { zh: '（初报）', en: '(first report)' },
  update: { zh: '（续报）', en: '(follow-up report)' },
  'first:missing': { zh: '（初报未报）', en: '(first report missing)' },
  'update:missing': { zh: '（续报未报）', en: '(follow-up report missing)' },
};

/** Words about where the misses concentrate (a channel, an agency), or '' when they do not. */
function concentrationText(f: Finding, lang: Lang, agencyName: (id: string) => string): string {
  const parts: string[] = [];
  const ch = f.concentration.channel;
  if (ch && Object.hasOwn(CHANNEL_NAMES, ch.name)) {
    const name = CHANNEL_NAMES[ch.name][lang];
    parts.push(ch.count === f.over ? (lang === 'zh' ? `全部经由${name}` : `all by ${name}`) : lang === 'zh' ? `其中 ${ch.count} 次经由${name}` : `${ch.count} of them by ${name}`);
  }
  const ag = f.concentration.agency;
  const who = ag ? agencyName(ag.id) : '';
  if (ag) parts.push(ag.count === f.over ? (lang === 'zh' ? `均涉及${who}` : `all ${who}`) : lang === 'zh' ? `其中 ${ag.count} 次涉及${who}` : `${ag.count} of them ${who}`);
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/**
 * The sentence of a finding: the value against its target, the worst cases, and where misses
 * concentrate; agencies by name where `agencyName` knows them (ids otherwise). With `showRep` (a
 * score pooled over replications, whose incident numbers repeat) each case names its replication.
 */
export function findingText(f: Finding, spec: IndicatorSpec, value: number, startSecondOfDay: number, lang: Lang, agencyName: (id: string) => string = (id) => id, showRep = false): string {
  const v = formatValue(value, spec.unit, lang);
  const tg = formatValue(spec.target, spec.unit, lang);
  const share = spec.unit === 'share';
  const items = spec.items[lang];
  const worst = f.evidence
    .filter((s) => s.incident || s.unit)
    .slice(0, 3)
    .map((s) => {
      const subject = s.incident ?? s.unit;
      const who = [s.agency ? agencyName(s.agency) : undefined, s.unit !== subject ? s.unit : undefined].filter(Boolean).join(' ');
      const when = s.t !== undefined ? clock(startSecondOfDay, s.t) : '';
      const stage = s.note && STAGE_WORDS[s.note] ? `${lang === 'zh' ? '' : ' '}${STAGE_WORDS[s.note][lang]}` : '';
      const what = share ? '' : `${lang === 'zh' ? '' : ' '}${formatValue(s.value, spec.unit, lang)}${stage}`;
      const rep = showRep ? (lang === 'zh' ? `重复 ${s.rep}` : `rep ${s.rep}`) : '';
      const inner = [rep, who, when].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
      return `${subject}${inner ? (lang === 'zh' ? `（${inner}）` : ` (${inner})`) : ''}${what}`;
    });
  const worstLabel = share ? (lang === 'zh' ? '例如' : 'For example') : lang === 'zh' ? '最差' : 'Worst';
  const conc = concentrationText(f, lang, agencyName);
  if (lang === 'zh') {
    return (
      `${spec.name.zh}：${v}，目标 ${tg}` +
      (share ? `（${f.n} ${items}中 ${f.over} 例）。` : `（${f.n} ${items}中有 ${f.over} 例超出目标）。`) +
      (worst.length ? `${worstLabel}：${worst.join('；')}。` : '') +
      (conc ? `${conc}。` : '')
    );
  }
  return (
    `${spec.name.en}: ${v} against a target of ${tg}` +
    (share ? ` (${f.over} of ${f.n} ${items}).` : ` (${f.over} of ${f.n} ${items} over target).`) +
    (worst.length ? ` ${worstLabel}: ${worst.join('; ')}.` : '') +
    (conc ? ` ${conc[0].toUpperCase()}${conc.slice(1)}.` : '')
  );
}
