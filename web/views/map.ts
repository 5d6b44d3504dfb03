/**
 * The D3 map: zones, roads, stations, hospitals (drawn once per scenario), then units and incidents
 * at time t (from the replay model). Units are coloured by agency and styled by status; incidents
 * are sized and coloured by grade, with the grade also written (for colour-blind readers), and pulse
 * while no unit is on scene. Zoom and pan; hover for a title, click for details.
 */
import * as d3 from 'd3';
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { IncidentState, UnitState } from '../model/replay.ts';
import { agencyPalette } from '../model/palette.ts';
import { GRADE_COLOR, GRADE_TEXT } from './colors.ts';

export class MapView {
  private readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly root: d3.Selection<SVGGElement, unknown, null, undefined>;
  private projection = d3.geoMercator();
  private color: (id: string) => string = agencyPalette([]);
  private k = 1;
  selected: string | null = null;

  constructor(
    el: SVGSVGElement,
    private readonly onIncident: (id: string) => void,
    private readonly onUnit: (id: string) => void,
  ) {
    this.svg = d3.select(el);
    this.root = this.svg.append('g');
    for (const layer of ['zones', 'roads', 'places', 'incidents', 'units']) this.root.append('g').attr('class', `layer-${layer}`);
    this.svg.call(
      d3.zoom<SVGSVGElement, unknown>().scaleExtent([0.5, 40]).on('zoom', (ev) => {
        this.k = ev.transform.k;
        this.root.attr('transform', ev.transform.toString());
        this.root.selectAll<SVGCircleElement, UnitState>('circle.unit').attr('r', 4 / Math.sqrt(this.k));
      }),
    );
  }

  agencyColor(id: string): string {
    return this.color(id);
  }

  setScenario(s: Scenario): void {
    const w = (this.svg.node()!.clientWidth || 800) - 20;
    const h = (this.svg.node()!.clientHeight || 600) - 20;
    const pts: [number, number][] = [...s.zones.map((z) => [z.lon, z.lat] as [number, number]), ...s.stations.map((x) => [x.lon, x.lat] as [number, number])];
    for (const z of s.zones) if (z.polygon) pts.push(...z.polygon);
    const fc: d3.ExtendedFeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: pts } }] };
    this.projection = d3.geoMercator().fitExtent([[10, 10], [w, h]], fc);
    this.color = agencyPalette(s.agencies.map((a) => a.id));
    const p = (lon: number, lat: number) => this.projection([lon, lat])!;
    const path = d3.geoPath(this.projection);
    this.root.select('.layer-zones').selectAll('*').remove();
    const zones = this.root.select('.layer-zones');
    for (const z of s.zones) {
      if (z.polygon) zones.append('path').attr('class', 'zone').attr('d', path({ type: 'Polygon', coordinates: [z.polygon] })).append('title').text(`${z.name} (${z.id}) · ${z.population}`);
      else zones.append('circle').attr('class', 'zone').attr('r', 14).attr('cx', p(z.lon, z.lat)[0]).attr('cy', p(z.lon, z.lat)[1]).append('title').text(`${z.name} (${z.id})`);
    }
    const roads = this.root.select('.layer-roads');
    roads.selectAll('*').remove();
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
    places.selectAll('*').remove();
    for (const st of s.stations) {
      const [x, y] = p(st.lon, st.lat);
      places.append('rect').attr('class', 'station').attr('x', x - 3).attr('y', y - 3).attr('width', 6).attr('height', 6).append('title').text(`${st.name} (${st.id})`);
    }
    for (const hsp of s.hospitals) {
      const [x, y] = p(hsp.lon, hsp.lat);
      places.append('path').attr('class', 'hospital').attr('d', `M${x - 5},${y}h10M${x},${y - 5}v10`).append('title').text(hsp.name);
    }
    this.root.select('.layer-units').selectAll('*').remove();
    this.root.select('.layer-incidents').selectAll('*').remove();
  }

  render(units: UnitState[], incidents: IncidentState[], statusName: (s: string) => string, gradeName: (g: number) => string): void {
    const p = (lon: number, lat: number) => this.projection([lon, lat])!;
    const inc = this.root
      .select('.layer-incidents')
      .selectAll<SVGGElement, IncidentState>('g.inc')
      .data(incidents, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'inc');
        g.append('circle').attr('class', 'incident').on('click', (_ev, d) => this.onIncident(d.id)).append('title');
        g.append('text').attr('class', 'incident-label');
        return g;
      });
    inc.attr('transform', (d) => {
      const [x, y] = p(d.lon, d.lat);
      return `translate(${x.toFixed(1)},${y.toFixed(1)})`;
    });
    inc
      .select<SVGCircleElement>('circle')
      .attr('r', (d) => 6 + 2.5 * Math.max(0, d.grade) + (d.size ? Math.min(6, Math.sqrt(d.size)) : 0))
      .attr('fill', (d) => (d.grade < 0 ? '#bbb' : GRADE_COLOR[d.grade]))
      .classed('unattended', (d) => !d.attended)
      .classed('selected', (d) => d.id === this.selected)
      .select('title')
      .text((d) => `${d.id} · ${d.type} · ${gradeName(d.grade)}`);
    inc.select<SVGTextElement>('text').text((d) => (d.grade < 0 ? '?' : GRADE_TEXT[d.grade]));
    const r = 4 / Math.sqrt(this.k);
    // Units standing at the same place (a station, a scene) are spread on a small ring so each shows.
    const xy = new Map<string, [number, number]>();
    const groups = new Map<string, UnitState[]>();
    for (const u of units) {
      const [x, y] = p(u.lon, u.lat);
      const key = `${x.toFixed(1)},${y.toFixed(1)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(u);
      xy.set(u.id, [x, y]);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const ring = (2.2 * r * g.length) / (2 * Math.PI) + r;
      g.forEach((u, i) => {
        const [x, y] = xy.get(u.id)!;
        const a = (2 * Math.PI * i) / g.length;
        xy.set(u.id, [x + ring * Math.cos(a), y + ring * Math.sin(a)]);
      });
    }
    this.root
      .select('.layer-units')
      .selectAll<SVGCircleElement, UnitState>('circle.unit')
      .data(units, (d) => d.id)
      .join((enter) =>
        enter
          .append('circle')
          .on('click', (_ev, d) => this.onUnit(d.id))
          .call((c) => c.append('title')),
      )
      .attr('class', (d) => `unit s-${d.status}`)
      .attr('r', r)
      .attr('fill', (d) => this.color(d.agency))
      .attr('cx', (d) => xy.get(d.id)![0])
      .attr('cy', (d) => xy.get(d.id)![1])
      .select('title')
      .text((d) => `${d.id} · ${d.agency} · ${statusName(d.status)}${d.incident ? ` · ${d.incident}` : ''}`);
  }
}
