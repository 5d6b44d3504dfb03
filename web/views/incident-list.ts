/**
 * The incidents on the map as a list of buttons, for the keyboard: it shows when focus enters it
 * (Tab from the map), and Enter opens an incident's chain. The gravest come first.
 */
import type { Messages } from '../i18n/index.ts';
import type { IncidentState } from '../model/replay.ts';
import type { RunView } from '../app/state.ts';

/** How many incidents the list offers (the gravest); the map shows them all. */
const MAX_ITEMS = 60;

export function renderIncidentList(el: HTMLElement, incidents: readonly IncidentState[], run: RunView, m: Messages, onPick: (id: string) => void): void {
  const items = [...incidents].sort((a, b) => b.grade - a.grade || a.tOccur - b.tOccur).slice(0, MAX_ITEMS);
  el.replaceChildren();
  const h = document.createElement('div');
  h.className = 'focus-list-title';
  h.textContent = `${m.incidentList} (${incidents.length})`;
  el.append(h);
  for (const i of items) {
    const b = document.createElement('button');
    b.type = 'button';
    const type = run.scenario.incidentTypes.find((x) => x.id === i.type)?.name ?? i.type;
    b.textContent = `${i.id} · ${type} · ${i.grade < 0 ? m.ungraded : m.gradeNames[i.grade]}`;
    b.onclick = () => onPick(i.id);
    el.append(b);
  }
}
