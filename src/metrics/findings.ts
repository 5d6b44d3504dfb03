/**
 * Findings (评估发现): for every indicator that missed its target, a concrete statement pointing at
 * the evidence — which incidents, agency, unit, time, how far from target — tagged 整改项 (must fix),
 * 不足项 (deficiency) or 改进项 (improvement), ranked by how much they cost the score. Pure.
 */
import type { IndicatorResult, Rubric, Sample, ScoreResult } from './score.ts';

export type FindingTag = 'must-fix' | 'deficiency' | 'improvement';

export interface Finding {
  tag: FindingTag;
  indicator: string;
  /** Score points the miss costs the overall score (for ranking). */
  cost: number;
  text: { zh: string; en: string };
  /** Items over target, worst first (at most five). */
  evidence: Sample[];
}

export const TAG_LABEL: Record<FindingTag, { zh: string; en: string }> = {
  'must-fix': { zh: '整改项', en: 'must fix' },
  deficiency: { zh: '不足项', en: 'deficiency' },
  improvement: { zh: '改进项', en: 'improvement' },
};

/** A value in its unit, for people: seconds below two minutes, minutes above; shares as percent. */
export function formatValue(v: number, unit: 's' | 'share', lang: 'zh' | 'en'): string {
  if (unit === 'share') return `${(v * 100).toFixed(1)}%`;
  if (Math.abs(v) < 120) return lang === 'zh' ? `${Math.round(v)} 秒` : `${Math.round(v)} s`;
  return lang === 'zh' ? `${(v / 60).toFixed(1)} 分钟` : `${(v / 60).toFixed(1)} min`;
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

function tagFor(r: IndicatorResult): FindingTag {
  if (r.score === 0 || (r.spec.critical && r.score !== null && r.score < 100 && r.value! >= r.zeroAt)) return 'must-fix';
  if (r.score !== null && r.score < 60) return 'deficiency';
  return 'improvement';
}

/** Words about where the misses concentrate (a channel, an agency), or '' when they do not. */
function concentration(bad: Sample[], lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  const count = (key: (s: Sample) => string | undefined) => {
    const m = new Map<string, number>();
    for (const s of bad) {
      const k = key(s);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  };
  const ch = count((s) => s.note);
  const channelNames: Record<string, { zh: string; en: string }> = {
    phone: { zh: '电话转接', en: 'phone relay' },
    platform: { zh: '信息共享平台', en: 'the shared platform' },
    radio: { zh: '无线电', en: 'radio' },
  };
  if (ch && channelNames[ch[0]] && ch[1] >= Math.max(1, 0.6 * bad.length)) {
    const name = channelNames[ch[0]][lang];
    parts.push(ch[1] === bad.length ? (lang === 'zh' ? `全部经由${name}` : `all by ${name}`) : lang === 'zh' ? `其中 ${ch[1]} 次经由${name}` : `${ch[1]} of them by ${name}`);
  }
  const ag = count((s) => s.agency);
  if (ag && ag[1] >= Math.max(2, 0.6 * bad.length)) {
    parts.push(ag[1] === bad.length ? (lang === 'zh' ? `均涉及 ${ag[0]}` : `all ${ag[0]}`) : lang === 'zh' ? `其中 ${ag[1]} 次涉及 ${ag[0]}` : `${ag[1]} of them ${ag[0]}`);
  }
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** Findings from a score, ranked by their cost to the overall score. */
export function findings(result: ScoreResult, rubric: Rubric, startSecondOfDay: number): Finding[] {
  const groupWeights = rubric.groups;
  const present = Object.entries(result.groups).filter(([g, v]) => v !== null && groupWeights[g as keyof typeof groupWeights] > 0);
  const gsum = present.reduce((a, [g]) => a + groupWeights[g as keyof typeof groupWeights], 0);
  const out: Finding[] = [];
  for (const r of result.indicators) {
    if (r.score === null || r.score >= 100 || r.value === null) continue;
    const inGroup = result.indicators.filter((x) => x.spec.group === r.spec.group && x.score !== null && x.spec.weight > 0);
    const wsum = inGroup.reduce((a, x) => a + x.spec.weight, 0);
    const cost = gsum > 0 && wsum > 0 ? ((100 - r.score) * (r.spec.weight / wsum) * groupWeights[r.spec.group]) / gsum : 0;
    const bad = r.samples.filter((s) => s.value > r.spec.target).sort((a, b) => b.value - a.value || (a.incident ?? '').localeCompare(b.incident ?? ''));
    const evidence = bad.slice(0, 5);
    const text = { zh: '', en: '' };
    for (const lang of ['zh', 'en'] as const) {
      const v = formatValue(r.value, r.spec.unit, lang);
      const tg = formatValue(r.spec.target, r.spec.unit, lang);
      const share = r.spec.unit === 'share';
      const worst = evidence
        .filter((s) => s.incident || s.unit)
        .slice(0, 3)
        .map((s) => {
          const subject = s.incident ?? s.unit;
          const who = [s.agency, s.unit !== subject ? s.unit : undefined].filter(Boolean).join(' ');
          const when = s.t !== undefined ? clock(startSecondOfDay, s.t) : '';
          const what = share ? '' : `${lang === 'zh' ? '' : ' '}${formatValue(s.value, r.spec.unit, lang)}`;
          const inner = [who, when].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
          return `${subject}${inner ? (lang === 'zh' ? `（${inner}）` : ` (${inner})`) : ''}${what}`;
        });
      const worstLabel = share ? (lang === 'zh' ? '例如' : 'For example') : lang === 'zh' ? '最差' : 'Worst';
      const conc = concentration(bad, lang);
      const items = r.spec.items[lang];
      if (lang === 'zh') {
        text.zh =
          `${r.spec.name.zh}：${v}，目标 ${tg}` +
          (share ? `（${r.n} ${items}中 ${bad.length} 例）。` : `（${r.n} ${items}中有 ${bad.length} 例超出目标）。`) +
          (worst.length ? `${worstLabel}：${worst.join('；')}。` : '') +
          (conc ? `${conc}。` : '');
      } else {
        text.en =
          `${r.spec.name.en}: ${v} against a target of ${tg}` +
          (share ? ` (${bad.length} of ${r.n} ${items}).` : ` (${bad.length} of ${r.n} ${items} over target).`) +
          (worst.length ? ` ${worstLabel}: ${worst.join('; ')}.` : '') +
          (conc ? ` ${conc[0].toUpperCase()}${conc.slice(1)}.` : '');
      }
    }
    out.push({ tag: tagFor(r), indicator: r.spec.id, cost, text, evidence });
  }
  const order: Record<FindingTag, number> = { 'must-fix': 0, deficiency: 1, improvement: 2 };
  return out.sort((a, b) => b.cost - a.cost || order[a.tag] - order[b.tag] || a.indicator.localeCompare(b.indicator));
}
