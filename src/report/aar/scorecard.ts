/** The score card: the total, the suggested rating, the sub-scores, and a missed critical task. */
import { GROUPS } from '../../metrics/score.ts';
import { REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { esc } from '../svg.ts';
import type { ReportData } from './types.ts';

const pct = (v: number | null) => (v === null ? '–' : v.toFixed(1));

/** The score card section's HTML. */
export function scorecardSection(data: ReportData, lang: Lang): string {
  const { result } = data;
  const groupRows = GROUPS.map((g) => {
    const v = result.groups[g];
    return `<div class="bar"><span class="name">${esc(T.groups[lang][g])}</span><span class="track"><span class="fill" style="width:${v === null ? 0 : v.toFixed(1)}%"></span></span><span class="val">${v === null ? T.noData[lang] : pct(v)}</span></div>`;
  }).join('');
  const letter = result.rating ?? '–';
  const ratingText = result.rating ? T.ratingText[lang][result.rating] : T.noData[lang];
  return `<div class="score"><div class="big"><div class="num">${pct(result.score)}</div><div class="lbl">${T.overall[lang]}</div></div>
<div class="big rating r-${esc(letter)}"><div class="num">${esc(letter)}</div><div class="lbl">${T.rating[lang]}</div></div><div class="groups">${groupRows}</div></div>
<p>${esc(ratingText)}${result.criticalMissed.length ? `<br><strong>${T.criticalMissed[lang]}${esc(result.criticalMissed.join(', '))}</strong>` : ''}</p>
<p class="note">${T.ratingNote[lang]}</p>`;
}
