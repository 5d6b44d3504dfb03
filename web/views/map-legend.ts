/** The map's legend: agencies by colour, incident grades, unit statuses, and the map's symbols. */
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { Messages } from '../i18n/index.ts';
import { agencyPalette } from '../model/palette.ts';
import { GRADE_COLOR } from './colors.ts';
import { swatchLegend } from './legend.ts';

export function mapLegend(el: HTMLElement, s: Scenario | null, m: Messages): void {
  const open = (el.querySelector('details') as HTMLDetailsElement | null)?.open ?? !window.matchMedia?.('(max-width: 700px)').matches;
  el.replaceChildren();
  if (!s) return;
  const details = document.createElement('details');
  details.open = open;
  const summary = document.createElement('summary');
  summary.textContent = m.legend;
  details.append(summary);
  const color = agencyPalette(s.agencies);
  swatchLegend(details, s.agencies.map((a) => ({ color: color(a.id), label: a.name, shape: 'circle' as const })));
  swatchLegend(details, [
    ...GRADE_COLOR.map((c, g) => ({ color: c, label: m.gradeNames[g], shape: 'circle' as const })),
    { color: '#bbbbbb', label: m.ungraded, shape: 'circle' as const },
    { color: '#c62828', label: m.unattended, shape: 'ring' as const },
  ]);
  swatchLegend(details, [
    { color: '#555', label: m.legendOnScene, shape: 'circle' as const },
    { color: '#555', label: m.legendReturning, shape: 'ring' as const },
    { color: '#bbb', label: m.legendOff, shape: 'circle' as const },
    { color: '#1f3b57', label: m.station, shape: 'square' as const },
    { color: '#c62828', label: m.hospital, shape: 'line' as const },
  ]);
  el.append(details);
}
