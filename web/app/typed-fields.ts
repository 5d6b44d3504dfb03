/**
 * What people have typed or picked in a panel's forms and not yet sent, kept across a redraw of the
 * panel: saving one evaluator's rating, a language or role switch, or a frame of continuous play
 * redraws the whole panel, and would otherwise wipe every other form's unsaved text. A form that was
 * just submitted is left as the redraw makes it (emptied, or showing what was saved).
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A form's identity across redraws: its id, the task or decision it belongs to, its class (read as attributes: a field named `id` shadows `form.id`). */
const formKey = (f: HTMLFormElement) => ['id', 'data-task', 'data-decision', 'class'].map((a) => f.getAttribute(a) ?? '').join('|');

const changed = (el: Field): boolean => {
  if (el instanceof HTMLSelectElement) return [...el.options].some((o) => o.selected !== o.defaultSelected);
  if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) return el.checked !== el.defaultChecked;
  return el.value !== el.defaultValue;
};

/** Marks a form as sent when it is submitted, so its fields are not brought back after the redraw. */
export function watchSubmits(root: HTMLElement): void {
  root.addEventListener('submit', (e) => {
    if (e.target instanceof HTMLFormElement) e.target.dataset.sent = 'true';
  }, true);
}

/** The unsent changes in `root`'s forms, by form and field. */
export function typedIn(root: HTMLElement): Map<string, string | boolean> {
  const typed = new Map<string, string | boolean>();
  for (const f of root.querySelectorAll('form')) {
    if (f.dataset.sent) continue;
    for (const el of f.querySelectorAll<Field>('input, textarea, select')) {
      if (!el.name || !changed(el)) continue;
      const radio = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
      typed.set(`${formKey(f)}#${el.name}${radio ? `=${el.value}` : ''}`, radio ? (el as HTMLInputElement).checked : el.value);
    }
  }
  return typed;
}

/** Puts the unsent changes back into the redrawn forms (selects first, as their change may draw the other fields). */
export function restoreTyped(root: HTMLElement, typed: Map<string, string | boolean>): void {
  if (typed.size === 0) return;
  const fields = [...root.querySelectorAll('form')].flatMap((f) => [...f.querySelectorAll<Field>('input, textarea, select')].map((el) => ({ f, el })));
  const put = ({ f, el }: { f: HTMLFormElement; el: Field }) => {
    const radio = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
    const v = typed.get(`${formKey(f)}#${el.name}${radio ? `=${el.value}` : ''}`);
    if (v === undefined) return;
    if (radio) (el as HTMLInputElement).checked = v === true;
    else if (!(el instanceof HTMLSelectElement) || [...el.options].some((o) => o.value === v)) {
      el.value = String(v);
      if (el instanceof HTMLSelectElement) el.dispatchEvent(new Event('change'));
    }
  };
  fields.filter((x) => x.el instanceof HTMLSelectElement).forEach(put);
  // Fields drawn by a select's change are found again.
  const rest = [...root.querySelectorAll('form')].flatMap((f) => [...f.querySelectorAll<Field>('input, textarea')].map((el) => ({ f, el })));
  rest.forEach(put);
}
