/**
 * The error banner: closable, the full text of every problem, cleared by the next good load.
 * Problems are kept as data, so a change of language shows them again in it.
 */
import { formatError, type InputError } from '../../src/scenario/errors.ts';
import type { Messages } from '../i18n/index.ts';
import type { AppState } from './state.ts';

export class ErrorBanner {
  /** The problems on show as data (null when none, or only lines, are). */
  private problems: readonly InputError[] | null = null;

  constructor(
    private readonly state: AppState,
    private readonly msg: () => Messages,
    private readonly box: HTMLElement,
    private readonly text: HTMLElement,
  ) {}

  /** Shows `lines` under `heading` (null hides the banner). */
  show(lines: string[] | null, heading: keyof Messages = 'loadErrors'): void {
    this.problems = null;
    this.state.errors = lines;
    this.box.hidden = !lines;
    // Problems are text: nothing from a scenario file is ever rendered as HTML.
    this.text.textContent = lines ? `${String(this.msg()[heading])}\n${lines.join('\n')}` : '';
  }

  /** Shows problems (with their detail, e.g. the YAML around a parse error) in the page's language. */
  showProblems(errors: readonly InputError[]): void {
    this.show(errors.map((e) => `${formatError(e, this.state.lang)}${e.detail ? `\n${e.detail}` : ''}`));
    this.problems = errors;
  }

  /** After a change of language: the problems on show, in the new one. */
  relabel(): void {
    if (this.problems) this.showProblems(this.problems);
  }
}
