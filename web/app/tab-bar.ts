/**
 * The tab bar, built from the tab registry: one tab button and one panel per registered view, with
 * the tab list's keyboard pattern (← → move between the tabs shown, Home and End to the first and last, Tab moves into the open panel).
 */
import { stepTab, type TabRegistry } from './tabs.ts';

/** Adds a button to `nav` and a panel to `side` for each registered tab. */
export function buildTabBar(tabs: TabRegistry, nav: HTMLElement, side: HTMLElement, current: () => string, select: (id: string) => void): void {
  for (const v of tabs.all()) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.tab = v.id;
    b.id = `tabbtn-${v.id}`;
    b.setAttribute('aria-controls', `tab-${v.id}`);
    b.onclick = () => select(v.id);
    nav.append(b);
    const panel = document.createElement('div');
    panel.className = 'tab';
    panel.id = `tab-${v.id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', b.id);
    panel.tabIndex = 0;
    panel.hidden = true;
    side.append(panel);
  }
  nav.addEventListener('keydown', (e) => {
    // Only the tabs shown are stepped through: a hidden one (facilitator only) would hold the focus on nothing.
    const shown = tabs.all().map((v) => v.id).filter((id) => !document.getElementById(`tabbtn-${id}`)?.hidden);
    const next = stepTab(shown, current(), e.key);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    select(next);
    document.getElementById(`tabbtn-${next}`)?.focus();
  });
}

/** Shows the panel of tab `id` and marks its button selected (the only one in the Tab order). */
export function markSelected(tabs: TabRegistry, id: string): void {
  for (const v of tabs.all()) {
    const b = document.getElementById(`tabbtn-${v.id}`);
    b?.setAttribute('aria-selected', String(v.id === id));
    if (b) b.tabIndex = v.id === id ? 0 : -1;
    const panel = document.getElementById(`tab-${v.id}`);
    if (panel) panel.hidden = v.id !== id;
  }
}
