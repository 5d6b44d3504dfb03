/**
 * A finding's text with the agencies it names written by name, not by id (the score's findings name
 * agencies by id, which a reader of the app does not know). Pure.
 */

/** Replaces each whole-word agency id in `text` with its name (longest ids first, so none is cut). */
export function nameAgencies(text: string, names: ReadonlyMap<string, string>): string {
  const ids = [...names.keys()].filter((id) => id && names.get(id) !== id).sort((a, b) => b.length - a.length);
  if (ids.length === 0) return text;
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\w-])(${escaped.join('|')})(?![\\w-])`, 'g');
  return text.replace(re, (id) => names.get(id) ?? id);
}
