/** The report's overview: the scenario, the seeds, what happened in numbers, the agencies. */
import { formatNumber } from '../csv.ts';
import { REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { esc } from '../svg.ts';
import type { ReportData } from './types.ts';

/** The overview table: scenario, start, duration, seeds, counts, the graded events and the agencies. */
export function overviewSection(data: ReportData, lang: Lang): string {
  const sc = data.meta.scenario;
  const t = data.digest.totals;
  return `<table class="kv">
<tr><th>${T.scenario[lang]}</th><td>${esc(sc.title)} <code>${esc(sc.name)}</code><br><small>${esc(sc.description)}</small></td></tr>
<tr><th>${T.start[lang]}</th><td>${esc(sc.start)}</td></tr>
<tr><th>${T.duration[lang]}</th><td>${formatNumber(sc.durationS / 3600)} ${T.hours[lang]}</td></tr>
<tr><th>${T.seeds[lang]}</th><td>${esc(data.meta.seeds.join(', '))}</td></tr>
<tr><th>${T.replications[lang]}</th><td>${data.digest.reps}</td></tr>
<tr><th>${T.incidents[lang]} / ${T.calls[lang]} / ${T.dispatches[lang]}</th><td>${t.incidents} / ${t.calls} / ${t.dispatches}</td></tr>
<tr><th>${T.graded[lang]}</th><td>${t.graded} / ${t.nonEmergencyCalls}</td></tr>
<tr><th>${T.agencies[lang]}</th><td>${sc.agencies.map((a) => `${esc(a.name)} <small>(${esc(a.id)}, ${T.tierName[lang][a.tier]})</small>`).join(lang === 'zh' ? '；' : '; ')}</td></tr>
</table>`;
}
