/**
 * The map's names, placed for the zoom they are seen at: hospitals first, then the names of areas
 * (zones, a scenario's own layers), then — zoomed in — stations, each beside its mark where it
 * covers no other name or mark (the report's placement, `src/report/map-labels.ts`), else hidden
 * until a closer zoom (the mark's tooltip still names it). A county seat holds a dozen stations and
 * three zones in a few square kilometres: written all at once, they were a smudge of text.
 */
import type * as d3 from 'd3';
import { markerBox, placeLabels, type Box, type LabelRequest } from '../../src/report/map-labels.ts';

/** What a name belongs to, in the order names are placed (earlier kinds win a contested place). */
const ORDER = ['hospital', 'zone', 'layer', 'station'] as const;
export type NameKind = (typeof ORDER)[number];

/** Half-size (px) of the mark a name goes beside (the map draws its marks this size); areas' names are centred on their point instead. */
export const MARK_R: Record<NameKind, number> = { hospital: 5, zone: 0, layer: 0, station: 3 };

interface MapName {
  el: SVGTextElement;
  kind: NameKind;
  /** The point it names, in map (untransformed) coordinates. */
  x: number;
  y: number;
}

export class MapNames {
  private names: MapName[] = [];

  /** Forgets every name (a new scenario). */
  clear(): void {
    this.names = [];
  }

  /** A name of `kind` for the point (x, y) of the map (untransformed coordinates). */
  add(el: SVGTextElement, kind: NameKind, x: number, y: number): void {
    this.names.push({ el, kind, x, y });
  }

  /**
   * Places every name for the view `t` of a `widthPx` × `heightPx` map whose names are `fontPx`
   * high on screen; station names only when `stations`.
   */
  place(t: d3.ZoomTransform, widthPx: number, heightPx: number, fontPx: number, stations: boolean): void {
    const shown = this.names.filter((n) => n.kind !== 'station' || stations);
    shown.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
    const requests: LabelRequest[] = shown.map((n) => ({
      x: t.applyX(n.x),
      y: t.applyY(n.y),
      text: n.el.textContent ?? '',
      r: MARK_R[n.kind],
      fixed: MARK_R[n.kind] === 0,
      insist: n.kind === 'hospital',
    }));
    const markers: Box[] = this.names.filter((n) => MARK_R[n.kind] > 0).map((n) => markerBox(t.applyX(n.x), t.applyY(n.y), MARK_R[n.kind]));
    // A drawn name's box is half again its font size high (the font's line box and the white halo
    // round the glyphs): a quarter of the font size of room all round keeps names clear of each other.
    const { placed } = placeLabels(requests, fontPx, markers, [], { x0: 0, y0: 0, x1: widthPx, y1: heightPx }, fontPx / 4);
    const where = new Map(shown.map((n, i) => [n, placed[i]]));
    for (const n of this.names) {
      const p = where.get(n) ?? null;
      n.el.style.display = p ? '' : 'none';
      if (!p) continue;
      // Back into the map's coordinates: the label layer is drawn under the zoom transform.
      n.el.setAttribute('x', String(t.invertX(p.x)));
      n.el.setAttribute('y', String(t.invertY(p.y)));
      n.el.setAttribute('text-anchor', p.anchor);
    }
  }
}
