/** The report's charts: response times against their targets, callers waiting, utilisation, notification by tier. */
import { REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { barsSvg, binnedMean, boxesSvg, histogramModel, histogramSvg, occupancySeries, stepAreaSvg } from '../svg.ts';
import type { ReportData } from './types.ts';

/** The charts section's inline SVG figures. */
export function chartsSection(data: ReportData, lang: Lang): string {
  const { meta, reps, result } = data;
  const sc = meta.scenario;
  const r1 = reps[0].records;
  const all = reps.map((r) => r.records);
  const ind = (id: string) => result.indicators.find((x) => x.spec.id === id)!;
  const answer = ind('A1');
  const fire = ind('B3');
  const care = ind('F3');
  const waits: [number, number][] = r1.calls.filter((c) => c.line === 'emergency').map((c) => [c.tArrive, c.tAnswer ?? c.tEnd ?? sc.durationS]);
  const agencyUtil = sc.agencies
    .map((a) => {
      const us = all.flatMap((r) => r.units.filter((u) => u.agency === a.id));
      return { label: a.name, value: us.length ? us.reduce((s, u) => s + u.utilization, 0) / us.length : 0, n: us.length };
    })
    .filter((x) => x.n > 0);
  return [
    histogramSvg(T.chartAnswer[lang], histogramModel(answer.samples.map((s) => s.value), answer.spec.target)),
    fire.n ? histogramSvg(T.chartFire[lang], histogramModel(fire.samples.map((s) => s.value), fire.spec.target)) : '',
    care.n ? histogramSvg(T.chartCare[lang], histogramModel(care.samples.map((s) => s.value), care.spec.target)) : '',
    stepAreaSvg(T.chartQueue[lang], binnedMean(occupancySeries(waits), sc.durationS, sc.durationS > 3 * 86400 ? 3600 : 600), sc.durationS, sc.startSecondOfDay),
    barsSvg(T.chartUtil[lang], agencyUtil),
    boxesSvg(
      T.chartTier[lang],
      [1, 2, 3].map((tier) => ({ label: T.tierName[lang][tier], values: ind(`C${tier}`).samples.map((s) => s.value), target: ind(`C${tier}`).spec.target })),
    ),
  ].join('');
}
