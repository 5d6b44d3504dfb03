/**
 * A scenario's own map layers (rivers, land use, the chemical park, boundaries) on the app's map,
 * drawn as the after-action report draws them (the same planar paths and colours by kind), with each
 * labelled feature's label; a title on each path names the layer.
 */
import type * as d3 from 'd3';
import type { MapLayer } from '../../src/scenario/scenario.ts';
import { LAYER_STYLE_ATTRS, planarPath } from '../../src/report/map.ts';

/** Draws `layers` into `g` through `project`; labels go into `labels`. */
export function drawMapLayers(g: d3.Selection<SVGGElement, unknown, null, undefined>, labels: d3.Selection<SVGGElement, unknown, null, undefined>, layers: readonly MapLayer[], project: (lon: number, lat: number) => [number, number]): void {
  g.selectAll('*').remove();
  for (const layer of layers) {
    for (const f of layer.features) {
      if (!f.geometry) continue;
      const { d, at } = planarPath(f.geometry, project);
      if (!d) continue;
      const path = g.append('path').attr('class', `map-layer ${layer.kind}`).attr('d', d).attr('fill-rule', 'evenodd').attr('vector-effect', 'non-scaling-stroke');
      for (const [k, v] of Object.entries(LAYER_STYLE_ATTRS[layer.kind])) path.attr(k, k === 'fill' && /LineString/.test(f.geometry.type) ? 'none' : v);
      if (layer.kind === 'hazard' || layer.kind === 'landuse') path.attr('fill-opacity', 0.6);
      const label = layer.label && f.properties?.[layer.label] !== undefined ? String(f.properties[layer.label]) : '';
      path.append('title').text(label ? `${layer.name} · ${label}` : layer.name);
      if (label && Number.isFinite(at[0])) labels.append('text').attr('class', 'layer-label').attr('x', at[0]).attr('y', at[1]).attr('fill', LAYER_STYLE_ATTRS[layer.kind].stroke).text(label);
    }
  }
}
