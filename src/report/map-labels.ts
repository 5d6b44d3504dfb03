/**
 * Labels that do not overlap, for the report's map. Each name goes beside its marker — right, left,
 * above or below, the first place free of the markers and the labels already placed — or, when no
 * place is free, is left to the marker's tooltip: a county seat with a dozen stations in a few square
 * kilometres would otherwise be a smudge of text. Greedy in the order given, so the names that matter
 * most go first. Pure; text widths are estimated (a CJK character a full em, others ~0.6 em), as the
 * report has no DOM to measure with.
 */

/** An axis-aligned box in SVG units (y down). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A name to place by a marker at (x, y) of half-size `r` (px). `fixed`: centred on the point or a
 * line above or below it (an area's name). `insist`: when every place touches a marker, take the first that touches no text (a
 * name that matters more than the markers it may cover, such as a hospital's).
 */
export interface LabelRequest {
  x: number;
  y: number;
  text: string;
  r: number;
  fixed?: boolean;
  insist?: boolean;
}

/** Where a label's text goes: its baseline point and text-anchor. */
export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

const WIDE = /[\u2E80-\u9FFF\u3000-\u303F\uF900-\uFAFF\uFF00-\uFF60]/;

/** Estimated width (px) of `text` set at `fontPx`. */
export const textWidthPx = (text: string, fontPx: number): number => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? fontPx : 0.6 * fontPx), 0);

/** True when two boxes share some area (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The box (px) of a marker of half-size `r` at (x, y). */
export const markerBox = (x: number, y: number, r: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });

/**
 * Places each request's label in order, inside `bounds`, clear of the `markers`, of the `texts`
 * already on the map and of the labels placed before it; null where no place is free. Returns the
 * placed labels' boxes too, for the next group's `texts`. `padPx`: room kept round each label's
 * glyphs (a line box taller than the glyphs, a halo drawn round them).
 */
export function placeLabels(requests: readonly LabelRequest[], fontPx: number, markers: readonly Box[], texts: readonly Box[], bounds: Box, padPx = 0): { placed: (PlacedLabel | null)[]; boxes: Box[] } {
  const boxes: Box[] = [];
  const inBounds = (b: Box) => b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1;
  const clearOfText = (b: Box) => inBounds(b) && !texts.some((t) => overlaps(b, t)) && !boxes.some((t) => overlaps(b, t));
  const free = (b: Box) => clearOfText(b) && !markers.some((t) => overlaps(b, t));
  // Glyphs rise ~0.8 em above the baseline and fall ~0.2 em below it.
  const [up, down] = [0.8 * fontPx, 0.2 * fontPx];
  const placed = requests.map((q): PlacedLabel | null => {
    const w = textWidthPx(q.text, fontPx);
    const gap = q.r + 3;
    const mid = q.y + 0.3 * fontPx;
    // An area's name may move a line down or up from its point; a marker's goes round the marker.
    const centred = (dy: number): PlacedLabel & { box: Box } => ({ x: q.x, y: q.y + dy, anchor: 'middle', box: { x0: q.x - w / 2, y0: q.y + dy - up, x1: q.x + w / 2, y1: q.y + dy + down } });
    const candidates: (PlacedLabel & { box: Box })[] = q.fixed
      ? [centred(0), centred(1.2 * fontPx), centred(-1.2 * fontPx)]
      : [
          { x: q.x + gap, y: mid, anchor: 'start', box: { x0: q.x + gap, y0: mid - up, x1: q.x + gap + w, y1: mid + down } },
          { x: q.x - gap, y: mid, anchor: 'end', box: { x0: q.x - gap - w, y0: mid - up, x1: q.x - gap, y1: mid + down } },
          { x: q.x, y: q.y - gap - down, anchor: 'middle', box: { x0: q.x - w / 2, y0: q.y - gap - down - up, x1: q.x + w / 2, y1: q.y - gap } },
          { x: q.x, y: q.y + gap + up, anchor: 'middle', box: { x0: q.x - w / 2, y0: q.y + gap, x1: q.x + w / 2, y1: q.y + gap + up + down } },
        ];
    if (padPx > 0) for (const k of candidates) k.box = { x0: k.box.x0 - padPx, y0: k.box.y0 - padPx, x1: k.box.x1 + padPx, y1: k.box.y1 + padPx };
    const c = candidates.find((k) => free(k.box)) ?? (q.insist ? candidates.find((k) => clearOfText(k.box)) : undefined);
    if (!c) return null;
    boxes.push(c.box);
    return { x: c.x, y: c.y, anchor: c.anchor };
  });
  return { placed, boxes };
}
