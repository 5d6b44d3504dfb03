/**
 * The scenario selector: the bundled scenarios, and — once the user opened one — their own file,
 * named as everywhere else by the scenario's `name:` (the file it came from in brackets), so the
 * selector never reads `default` while a file is loaded. Choosing the file again reloads it.
 */
import type { ScenarioSource } from '../scenarios.ts';

/** The file option's value: bundled names are file names, never empty. */
export const FILE_CHOICE = '';

/** The file option's words: the scenario's name and, in brackets, the file it came from (`my-county（good.json）`). */
export function fileChoiceText(scenarioName: string, fileName: string, zh: boolean): string {
  return zh ? `${scenarioName}（${fileName}）` : `${scenarioName} (${fileName})`;
}

export class ScenarioChoice {
  /** The file the user opened last and its scenario's name (null before any). */
  private file: { source: ScenarioSource; name: string } | null = null;

  constructor(
    private readonly select: HTMLSelectElement,
    bundled: readonly string[],
    private readonly zh: () => boolean,
    choose: (bundledName: string | null, file: ScenarioSource | null) => void,
  ) {
    for (const n of bundled) select.append(Object.assign(document.createElement('option'), { value: n, textContent: n }));
    select.onchange = () => (select.value === FILE_CHOICE && this.file ? choose(null, this.file.source) : choose(select.value, null));
  }

  /** Shows `source` (loaded, its scenario named `name`) as chosen; a file gets an option of its own. */
  show(source: ScenarioSource, name: string): void {
    if (!source.bundled) this.file = { source, name };
    this.relabel();
    this.select.value = source.bundled ? source.name : FILE_CHOICE;
  }

  /** Shows no choice (a link named a file that is not open). */
  clear(): void {
    this.select.selectedIndex = -1;
  }

  /** Writes the file option in the page's language. */
  relabel(): void {
    let o = this.select.querySelector<HTMLOptionElement>('option#scenario-file');
    if (!this.file) return;
    if (!o) {
      o = Object.assign(document.createElement('option'), { id: 'scenario-file', value: FILE_CHOICE });
      this.select.append(o);
    }
    o.textContent = fileChoiceText(this.file.name, this.file.source.fileName, this.zh());
  }
}
