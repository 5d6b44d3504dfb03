/**
 * The side panel's tabs as a registry: a view registers itself (id, label, how to draw) and the
 * app builds the tab bar from what is registered, so new views — an exercise's facilitator and
 * player views, say — are added without touching the app's wiring.
 */
import type { Lang, Messages } from '../i18n/index.ts';
import type { AppState } from './state.ts';

/** What a tab gets from the app: the state, the time, and the app's actions. */
export interface TabContext {
  state: AppState;
  /** Time shown (s from the scenario start). */
  t: number;
  playing: boolean;
  lang: Lang;
  m: Messages;
  jump(t: number): void;
  selectIncident(id: string): void;
  download(name: string, data: string | Uint8Array, type?: string): void;
  /** Shows problems in the error banner. */
  showErrors(lines: string[]): void;
  /** Asks the app to draw this tab again (e.g. when its own work finished). */
  redraw(): void;
}

/** One tab of the side panel. */
export interface TabView {
  /** Stable id, used in links (`tab=…`) and element ids (`tab-…`). */
  id: string;
  label(m: Messages): string;
  /** Draws the tab anew: when it is opened, and after a new run or a language switch. */
  render(el: HTMLElement, ctx: TabContext): void;
  /** Follows the time while the tab is open; cheap (called often while playing). */
  update?(el: HTMLElement, ctx: TabContext): void;
}

export class TabRegistry {
  private readonly views: TabView[] = [];

  /** Adds a tab at the end (or before the tab `before`). Ids are unique. */
  register(view: TabView, before?: string): void {
    if (this.views.some((v) => v.id === view.id)) throw new Error(`tab "${view.id}" is registered twice`);
    const k = before === undefined ? -1 : this.views.findIndex((v) => v.id === before);
    if (k < 0) this.views.push(view);
    else this.views.splice(k, 0, view);
  }

  get(id: string): TabView | undefined {
    return this.views.find((v) => v.id === id);
  }

  /** Tabs in order. */
  all(): readonly TabView[] {
    return this.views;
  }
}

/**
 * The tab a key moves to from `current` among the tabs shown (`shown`, in order): → and ← step and
 * wrap, Home and End go to the first and the last. A hidden tab (the script on the players' screen)
 * is not in `shown`, so it is never reached. Null for another key or no tab shown.
 */
export function stepTab(shown: readonly string[], current: string, key: string): string | null {
  if (shown.length === 0) return null;
  if (key === 'Home') return shown[0];
  if (key === 'End') return shown[shown.length - 1];
  if (key !== 'ArrowRight' && key !== 'ArrowLeft') return null;
  const k = shown.indexOf(current);
  // From a tab not shown (hidden under the focus), → goes to the first and ← to the last.
  if (k < 0) return key === 'ArrowRight' ? shown[0] : shown[shown.length - 1];
  return shown[(k + (key === 'ArrowRight' ? 1 : shown.length - 1)) % shown.length];
}
