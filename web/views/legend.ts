/** A row of legend entries — colour swatch (square, diamond, ring or line) and label — as HTML. */
export interface LegendEntry {
  color: string;
  label: string;
  shape?: 'square' | 'circle' | 'diamond' | 'line' | 'ring';
}

export function swatchLegend(parent: HTMLElement, entries: readonly LegendEntry[], className = 'legend-row'): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  for (const e of entries) {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const sw = document.createElement('span');
    sw.className = `swatch ${e.shape ?? 'square'}`;
    sw.style.setProperty('--c', e.color);
    sw.setAttribute('aria-hidden', 'true');
    item.append(sw, document.createTextNode(e.label));
    box.append(item);
  }
  parent.append(box);
  return box;
}
