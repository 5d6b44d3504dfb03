/** What the map says about a unit or an incident: its tooltip, and the details box of a clicked unit. */
import type { Messages, Lang } from '../i18n/index.ts';
import { term, UNIT_TYPE_TEXT } from '../i18n/terms.ts';
import { minSec } from '../model/event-text.ts';
import type { UnitState } from '../model/replay.ts';
import type { RunView } from '../app/state.ts';
import type { MapHit } from './map.ts';

/** Tooltip lines at time t: names, grade or status, and for how long (durations, not only times). */
export function tooltipLines(hit: MapHit, r: RunView, t: number, m: Messages, lang: Lang): string[] {
  if (hit.kind === 'incident') {
    const i = hit.incident;
    const type = r.scenario.incidentTypes.find((x) => x.id === i.type)?.name ?? i.type;
    return [`${i.id} · ${type}`, `${m.grade}: ${i.grade < 0 ? m.ungraded : m.gradeNames[i.grade]}`, `${m.openFor}: ${minSec(t - i.tOccur)}`, i.attended ? '' : m.unattended].filter(Boolean);
  }
  const u = hit.unit;
  return [
    `${u.id} · ${term(UNIT_TYPE_TEXT, u.type, lang)}`,
    r.agencyNames.get(u.agency) ?? u.agency,
    `${m.statusNames[u.status]} · ${m.since} ${minSec(t - u.since)}`,
    u.incident ? `${m.incident}: ${u.incident}` : '',
  ].filter(Boolean);
}

/** Fills the details box of a unit (closable), as text. */
export function unitDetails(el: HTMLElement, u: UnitState, r: RunView, t: number, m: Messages, lang: Lang): void {
  el.hidden = false;
  el.replaceChildren();
  const lines = [
    `${m.unit}: ${u.id}`,
    `${m.agency}: ${r.agencyNames.get(u.agency) ?? u.agency}`,
    `${m.type}: ${term(UNIT_TYPE_TEXT, u.type, lang)}`,
    `${m.status}: ${m.statusNames[u.status]} (${m.since} ${minSec(t - u.since)})`,
    u.incident ? `${m.incident}: ${u.incident}` : '',
  ];
  for (const l of lines.filter(Boolean)) {
    const d = document.createElement('div');
    d.textContent = l;
    el.append(d);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', m.close);
  close.onclick = () => (el.hidden = true);
  el.prepend(close);
}
