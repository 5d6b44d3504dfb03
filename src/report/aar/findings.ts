/** The findings (评估发现): each missed target with its evidence, tag and the source of the target. */
import { FINDING_TAG_ORDER } from '../../metrics/findings.ts';
import { FINDING_TAG_MEANING, FINDING_TAGS, REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { esc } from '../svg.ts';
import type { IndicatorSpec } from '../../metrics/score.ts';
import { citation } from '../../metrics/sources.ts';
import type { ReportData } from './types.ts';

/** One line on where a finding's target comes from. */
export function sourceLine(spec: IndicatorSpec, lang: Lang): string {
  if (spec.source.kind === 'plan') return spec.changed ? T.scenarioTarget[lang] : T.sourceKind[lang].plan;
  const ref = citation(spec.source, lang);
  if (spec.changed) return `${T.changedTarget[lang]}${ref}`;
  const kind = T.sourceKind[lang][spec.source.kind];
  return lang === 'zh' ? `${ref}（${kind}）` : `${ref} (${kind})`;
}

/** The findings section: the tags' legend, then each finding with its tag, sentence and source. */
export function findingsSection(data: ReportData, lang: Lang): string {
  if (!data.findings.length) return `<p>${T.noFindings[lang]}</p>`;
  const specs = new Map(data.rubric.indicators.map((s) => [s.id, s]));
  const legend = `<div class="legend">${FINDING_TAG_ORDER.map((t) => `<div><span class="tag t-${t}">${esc(FINDING_TAGS[t][lang])}</span>${esc(FINDING_TAG_MEANING[t][lang])}</div>`).join('')}</div>`;
  const items = data.findings
    .map((f) => {
      const spec = specs.get(f.indicator);
      const cite = spec ? `<br><span class="cite">${T.column[lang].source}: ${esc(sourceLine(spec, lang))}</span>` : '';
      return `<li><span class="tag t-${f.tag}">${esc(FINDING_TAGS[f.tag][lang])}</span> <span class="fid">${esc(f.indicator)}</span> ${esc(f.text[lang])}${cite}</li>`;
    })
    .join('');
  return `${legend}<ol class="findings">${items}</ol>`;
}
