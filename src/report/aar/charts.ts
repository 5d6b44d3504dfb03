/** The report's charts: response times against their targets, callers waiting, utilisation, notification by tier. */
import { REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { barsSvg, binnedMean, boxesSvg, histogramModel, histogramSvg, occupancySeries, stepAreaSvg } from '../svg.ts';
import type { ReportData } from './types.ts';

/** The charts section's inline SVG figures. */
export function chartsSection(data: ReportData, lang: Lang): string {
  const { meta, digest, result } = data;
  const sc = meta.scenario;
  const ind = (id: string) => result.indicators.find((x) => x.spec.id === id)!;
  const answer = ind('A1');
  const fire = ind('B3');
  const care = ind('F3');
  const agencyUtil = sc.agencies
    .map((a) => {
      const u = digest.utilisation.get(a.id) ?? { sum: 0, n: 0 };
      return { label: a.name, value: u.n ? u.sum / u.n : 0, n: u.n };
    })
    .filter((x) => x.n > 0);
  return [
    histogramSvg(T.chartAnswer[lang], histogramModel(answer.values, answer.spec.target)),
    fire.n ? histogramSvg(T.chartFire[lang], histogramModel(fire.values, fire.spec.target)) : '',
    care.n ? histogramSvg(T.chartCare[lang], histogramModel(care.values, care.spec.target)) : '',
    stepAreaSvg(T.chartQueue[lang], binnedMean(occupancySeries(digest.waits.arrive, digest.waits.leave), sc.durationS, sc.durationS > 3 * 86400 ? 3600 : 600), sc.durationS, sc.startSecondOfDay),
    barsSvg(T.chartUtil[lang], agencyUtil),
    boxesSvg(
      T.chartTier[lang],
      [1, 2, 3].map((tier) => ({ label: T.tierName[lang][tier], values: ind(`C${tier}`).values, target: ind(`C${tier}`).spec.target })),
    ),
  ].join('');
}
