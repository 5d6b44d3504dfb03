/** The table of every indicator: value, target, zero point, score, weight, and the target's source. */
import { formatNumber } from '../csv.ts';
import { formatValue } from '../format.ts';
import { REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { esc } from '../svg.ts';
import type { IndicatorSpec } from '../../metrics/score.ts';
import { citation } from '../../metrics/sources.ts';
import type { ReportData } from './types.ts';

/** The source cell: citation, kind, and what the document sets (and a note where the scenario changed the target). */
function sourceCell(spec: IndicatorSpec, lang: Lang): string {
  const s = spec.source;
  if (s.kind === 'plan') return `<strong>${esc(spec.changed ? T.scenarioTarget[lang] : T.sourceKind[lang].plan)}</strong><br><small>${esc(s.says[lang])}</small>`;
  const changed = spec.changed ? `<strong>${esc(T.changedTarget[lang])}</strong>` : '';
  return `${changed}${esc(citation(s, lang))} <small>(${esc(T.sourceKind[lang][s.kind])})</small><br><small>${esc(s.document[lang])}${s.edition ? ` · ${esc(s.edition)}` : ''}${s.clause ? ` · ${esc(s.clause)}` : ''} — ${esc(s.says[lang])}</small>`;
}

/** The table of every indicator, with the source of its target. */
export function indicatorsSection(data: ReportData, lang: Lang): string {
  const c = T.column[lang];
  const unitLabel = (u: IndicatorSpec['unit']) => (u === 's' ? T.unitSeconds[lang] : u === 'share' ? T.unitShare[lang] : T.unitRatio[lang]);
  return `<table class="ind"><thead><tr><th>${c.id}</th><th>${c.indicator}</th><th>${c.n}</th><th>${c.value}</th><th>${c.target}</th><th>${c.zeroAt}</th><th>${c.score}</th><th>${c.weight}</th><th>${c.source}</th></tr></thead><tbody>${data.result.indicators
    .map(
      (i) =>
        `<tr class="${i.score === null ? 'nodata' : i.score < 100 ? 'miss' : 'ok'}"><td>${esc(i.spec.id)}</td><td>${esc(i.spec.name[lang])}</td><td class="n">${i.n}</td>` +
        `<td class="n" title="${i.value === null ? '' : esc(formatValue(i.value, i.spec.unit, lang))}">${i.value === null ? '–' : formatNumber(i.value)}</td><td class="n">${formatNumber(i.spec.target)} ${unitLabel(i.spec.unit)}</td><td class="n">${formatNumber(i.zeroAt)}</td>` +
        `<td class="n sc">${i.score === null ? '–' : formatNumber(i.score)}</td><td class="n">${formatNumber(i.spec.weight)}</td><td class="src">${sourceCell(i.spec, lang)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}
