/** Lists in the words a person reads, each language with its own separator. */
import type { Words } from '../scenario/errors.ts';

/** Items as each language lists them: `a、b` and `a, b`; a plain string (an id, a file name) is the same in both. */
export function listWords(items: Iterable<string | Words>): Words {
  const ws = [...items].map((x) => (typeof x === 'string' ? { zh: x, en: x } : x));
  return { zh: ws.map((w) => w.zh).join('、'), en: ws.map((w) => w.en).join(', ') };
}
