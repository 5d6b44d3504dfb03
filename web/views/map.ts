/**
 * The map. The scenario's geography — zones, roads, stations, hospitals and their labels — is SVG,
 * drawn once per scenario; what moves — units and incidents — is painted on a canvas each frame
 * from the map model (web/model/map-frame.ts), so a busy day costs a few thousand arcs, not as many
 * DOM nodes. d3 still does the projection, zoom and pan, and a quadtree finds what the pointer is on.
 */
import * as d3 from 'd3';
import { drawMapLayers } from './map-layers.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { IncidentState, UnitState } from '../model/replay.ts';
import { fitPadding, ZONE_R } from '../model/map-fit.ts';
import { layoutIncidents, layoutUnits, unitRadius, type IncidentMark, type UnitMark } from '../model/map-frame.ts';
import { SpriteCache, stamp } from './map-sprites.ts';
import { MapNames, MARK_R, type NameKind } from './map-names.ts';

/** What the pointer is on. */
export type MapHit = { kind: 'unit'; unit: UnitState } | { kind: 'incident'; incident: IncidentState };

export interface MapHandlers {
  onIncident(id: string): void;
  onUnit(id: string): void;
  /** Lines of the tooltip for what the pointer is on. */
  tooltip(hit: MapHit): string[];
}

/** Zoom factor from which station names are written (below it they would crowd the map). */
const STATION_LABELS_FROM_K = 1.8;
/** Height of the map's names on screen (px), whatever the zoom. */
const NAME_PX = 10;

export class MapView {
  private readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly root: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly canvas: HTMLCanvasElement;
  private readonly sprites = new SpriteCache();
  private readonly names = new MapNames();
  private namesPending = false;
  /** Canvas pixels per CSS pixel, set when the canvas is sized. */
  private pixelRatio = 1;
  private readonly tip: HTMLElement;
  private projection = d3.geoMercator();
  private transform = d3.zoomIdentity;
  private color: (id: string) => string = () => '#888';
  private units: readonly UnitState[] = [];
  private incidents: readonly IncidentState[] = [];
  private unitMarks: UnitMark[] = [];
  private incidentMarks: IncidentMark[] = [];
  private tree: d3.Quadtree<MapHit & { x: number; y: number; r: number }> | null = null;
  selected: string | null = null;

  constructor(
    private readonly pane: HTMLElement,
    private readonly handlers: MapHandlers,
  ) {
    this.svg = d3.select(pane.querySelector<SVGSVGElement>('svg.map-static')!);
    this.canvas = pane.querySelector<HTMLCanvasElement>('canvas.map-live')!;
    this.tip = pane.querySelector<HTMLElement>('.map-tip')!;
    this.root = this.svg.append('g');
    // A scenario's own GeoJSON map layers (`Scenario.layers`): over the zones, under the roads and the replay.
    for (const layer of ['zones', 'scenario-layers', 'roads', 'places', 'labels']) this.root.append('g').attr('class', `layer-${layer}`);
    d3.select(this.canvas)
      .call(
        d3.zoom<HTMLCanvasElement, unknown>().scaleExtent([0.5, 40]).on('zoom', (ev: d3.D3ZoomEvent<HTMLCanvasElement, unknown>) => {
          this.transform = ev.transform;
          this.root.attr('transform', ev.transform.toString());
          this.root.select('.layer-labels').attr('font-size', NAME_PX / ev.transform.k);
          this.sizePlaces();
          this.placeNamesSoon();
          this.paint();
        }),
      )
      .on('dblclick.zoom', null)
      .on('pointermove', (ev: PointerEvent) => this.hover(ev))
      .on('pointerleave', () => (this.tip.hidden = true))
      .on('click', (ev: MouseEvent) => {
        const hit = this.hitAt(ev);
        if (hit?.kind === 'incident') this.handlers.onIncident(hit.incident.id);
        else if (hit?.kind === 'unit') this.handlers.onUnit(hit.unit.id);
      });
  }

  /** Draws the scenario's geography and fits the view to it. */
  setScenario(s: Scenario, agencyColor: (id: string) => string): void {
    this.color = agencyColor;
    const w = this.canvas.clientWidth || 800;
    const h = this.canvas.clientHeight || 600;
    const pts: [number, number][] = [...s.zones.map((z) => [z.lon, z.lat] as [number, number]), ...s.stations.map((x) => [x.lon, x.lat] as [number, number])];
    for (const z of s.zones) if (z.polygon) pts.push(...z.polygon);
    const fc: d3.ExtendedFeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: pts } }] };
    // Room round the outermost places for what is drawn at them (marks, rings, names), so none is cut at the edge.
    const perStation = d3.rollup(s.units, (us) => us.length, (u) => u.station);
    const pad = fitPadding(s.zones.map((z) => z.name), Math.max(0, ...perStation.values()), NAME_PX, w, h);
    this.projection = d3.geoMercator().fitExtent([[pad.x, pad.y], [w - pad.x, h - pad.y]], fc);
    const p = (lon: number, lat: number) => this.projection([lon, lat])!;
    const path = d3.geoPath(this.projection);
    for (const layer of ['zones', 'roads', 'places', 'labels']) this.root.select(`.layer-${layer}`).selectAll('*').remove();
    const zones = this.root.select('.layer-zones');
    const labels = this.root.select('.layer-labels').attr('font-size', NAME_PX / this.transform.k);
    this.names.clear();
    const name = (cls: string, text: string, kind: NameKind, [x, y]: [number, number]) => this.names.add(labels.append('text').attr('class', cls).attr('x', x).attr('y', y).text(text).node()!, kind, x, y);
    for (const z of s.zones) {
      const [x, y] = p(z.lon, z.lat);
      if (z.polygon) zones.append('path').attr('class', 'zone').attr('d', path({ type: 'Polygon', coordinates: [z.polygon] }));
      else zones.append('circle').attr('class', 'zone').attr('r', ZONE_R).attr('cx', x).attr('cy', y);
      name('zone-label', z.name, 'zone', [x, y]);
    }
    drawMapLayers(this.root.select<SVGGElement>('.layer-scenario-layers'), this.root.select<SVGGElement>('.layer-labels'), s.layers ?? [], p);
    labels.selectAll<SVGTextElement, unknown>('text.layer-label').each((_, i, els) => this.names.add(els[i], 'layer', Number(els[i].getAttribute('x')), Number(els[i].getAttribute('y'))));
    const roads = this.root.select('.layer-roads');
    const net = s.travel.network;
    if (net) {
      const seen = new Set<string>();
      const byClass = new Map<string, string[]>();
      for (const e of net.edges) {
        const key = e.from < e.to ? `${e.from}-${e.to}` : `${e.to}-${e.from}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = p(net.nodes[e.from].lon, net.nodes[e.from].lat);
        const b = p(net.nodes[e.to].lon, net.nodes[e.to].lat);
        const cls = e.speedKmh >= 60 ? 'road fast' : 'road';
        if (!byClass.has(cls)) byClass.set(cls, []);
        byClass.get(cls)!.push(`M${a[0].toFixed(1)},${a[1].toFixed(1)}L${b[0].toFixed(1)},${b[1].toFixed(1)}`);
      }
      for (const [cls, ds] of byClass) roads.append('path').attr('class', cls).attr('d', ds.join(''));
    }
    const places = this.root.select('.layer-places');
    for (const st of s.stations) {
      const [x, y] = p(st.lon, st.lat);
      const r = MARK_R.station;
      places.append('rect').datum([x, y]).attr('class', 'station').attr('x', -r).attr('y', -r).attr('width', 2 * r).attr('height', 2 * r);
      name('station-label', st.name, 'station', [x, y]);
    }
    for (const hsp of s.hospitals) {
      const [x, y] = p(hsp.lon, hsp.lat);
      const r = MARK_R.hospital;
      places.append('path').datum([x, y]).attr('class', 'hospital').attr('d', `M${-r},0h${2 * r}M0,${-r}v${2 * r}`);
      name('hospital-label', hsp.name, 'hospital', [x, y]);
    }
    this.sizePlaces();
    this.units = [];
    this.incidents = [];
    this.resizeCanvas();
    this.paint();
  }

  /** Stations and hospitals keep their size on screen whatever the zoom, as the units' marks do. */
  private sizePlaces(): void {
    const k = this.transform.k;
    this.root.select('.layer-places').selectAll<SVGElement, [number, number]>('.station, .hospital').attr('transform', ([x, y]) => `translate(${x},${y}) scale(${1 / k})`);
  }

  /** Places the names at the next frame: a zoom or a pan sends many events a frame. */
  private placeNamesSoon(): void {
    if (this.namesPending) return;
    this.namesPending = true;
    requestAnimationFrame(() => {
      this.namesPending = false;
      this.placeNames();
    });
  }

  /** Places the names for the current zoom and size (see map-names.ts). */
  private placeNames(): void {
    this.names.place(this.transform, this.canvas.clientWidth || 800, this.canvas.clientHeight || 600, NAME_PX, this.transform.k >= STATION_LABELS_FROM_K);
  }

  /** Shows units and incidents (the state at the current time). */
  render(units: readonly UnitState[], incidents: readonly IncidentState[]): void {
    this.units = units;
    this.incidents = incidents;
    this.paint();
  }

  /** Positions on screen of what is drawn (for tests and tools; CSS pixels of the canvas). */
  snapshot(): { units: { id: string; x: number; y: number; status: string }[]; incidents: { id: string; x: number; y: number; grade: number }[] } {
    const t = this.transform;
    return {
      units: this.unitMarks.map((m) => ({ id: m.unit.id, x: t.applyX(m.x), y: t.applyY(m.y), status: m.unit.status })),
      incidents: this.incidentMarks.map((m) => ({ id: m.incident.id, x: t.applyX(m.x), y: t.applyY(m.y), grade: m.incident.grade })),
    };
  }

  private resizeCanvas(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = this.canvas.clientWidth || 800;
    const h = this.canvas.clientHeight || 600;
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
    }
    this.pixelRatio = this.canvas.width / w || 1;
    this.placeNames();
  }

  private paint(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    // Read once per resize: asking the canvas for its size here would force a layout every frame.
    const dpr = this.pixelRatio;
    const t = this.transform;
    const k = t.k;
    const p = (lon: number, lat: number) => this.projection([lon, lat]) as [number, number];
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    // Marks keep their pixel size while the map zooms: positions are transformed, radii are not.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.incidentMarks = layoutIncidents(this.incidents, p);
    this.unitMarks = layoutUnits(this.units, p, unitRadius(k) / k);
    this.tree = null;
    this.sprites.setDpr(dpr);
    for (const m of this.incidentMarks) {
      const i = m.incident;
      stamp(ctx, this.sprites.incident(i.grade, m.r, i.attended, i.id === this.selected), t.applyX(m.x), t.applyY(m.y), dpr);
    }
    const r = unitRadius(k);
    for (const m of this.unitMarks) stamp(ctx, this.sprites.unit(this.color(m.unit.agency), m.unit.status, r), t.applyX(m.x), t.applyY(m.y), dpr);
    this.canvas.dataset.units = String(this.unitMarks.length);
    this.canvas.dataset.incidents = String(this.incidentMarks.length);
  }

  /** What is under a pointer event (nearest mark within its radius plus a little slack). */
  private hitAt(ev: MouseEvent): MapHit | null {
    const [mx, my] = d3.pointer(ev, this.canvas);
    const t = this.transform;
    if (!this.tree) {
      const r = unitRadius(t.k);
      const items = [
        ...this.incidentMarks.map((m) => ({ kind: 'incident' as const, incident: m.incident, x: t.applyX(m.x), y: t.applyY(m.y), r: m.r })),
        ...this.unitMarks.map((m) => ({ kind: 'unit' as const, unit: m.unit, x: t.applyX(m.x), y: t.applyY(m.y), r })),
      ];
      this.tree = d3.quadtree<(typeof items)[number]>().x((d) => d.x).y((d) => d.y).addAll(items);
    }
    const hit = this.tree.find(mx, my, 14);
    return hit && Math.hypot(hit.x - mx, hit.y - my) <= hit.r + 3 ? hit : null;
  }

  private hover(ev: PointerEvent): void {
    const hit = this.hitAt(ev);
    this.canvas.style.cursor = hit ? 'pointer' : 'grab';
    if (!hit) {
      this.tip.hidden = true;
      return;
    }
    this.tip.replaceChildren(
      ...this.handlers.tooltip(hit).map((l) => {
        const d = document.createElement('div');
        d.textContent = l;
        return d;
      }),
    );
    const [mx, my] = d3.pointer(ev, this.pane);
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(mx + 12, this.pane.clientWidth - this.tip.offsetWidth - 4)}px`;
    this.tip.style.top = `${my + 12}px`;
  }
}
