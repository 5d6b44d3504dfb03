/** A problem in the input, named by where it is: `units[3].station: unknown station "S9"`. */
export interface InputError {
  /** Dotted path into the scenario (`units[3].station`), or a file name for whole-file problems. */
  path: string;
  message: string;
  /** More lines for a reader with room (the UI): e.g. the excerpt of YAML around a parse error. */
  detail?: string;
}

/** Formats a path of keys and indices as `units[3].station`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** One error as a line: its place, then what is wrong. */
export function formatError(e: InputError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** One line per error, as the CLI and UI show them. */
export function formatErrors(errors: readonly InputError[]): string {
  return errors.map(formatError).join('\n');
}

/** Result of anything that reads user input. */
export type Result<T> = { ok: true; value: T; warnings?: InputError[] } | { ok: false; errors: InputError[] };

/** Warnings, as the CLI shows them: one line each, after "warning: ". */
export function formatWarnings(warnings: readonly InputError[] | undefined): string {
  return (warnings ?? []).map((w) => `warning: ${w.path ? `${w.path}: ` : ''}${w.message}`).join('\n');
}
