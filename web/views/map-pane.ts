/**
 * The map pane's markup, the same on every page that shows the map (the replay and the exercise):
 * its title, the static SVG of the geography under the live canvas, the tooltip and the legend.
 * `extra` adds what only one page has (the replay's keyboard list of incidents and unit details).
 */
export function mountMapPane(pane: HTMLElement, extra: 'replay' | 'exercise'): void {
  pane.innerHTML = `<div id="map-title"></div>
<div id="map-stack"><svg id="map" class="map-static" aria-hidden="true"></svg><canvas id="map-live" class="map-live" role="img"></canvas></div>
<div class="map-tip" role="tooltip" hidden></div>
${extra === 'replay' ? '<div id="incident-list" class="focus-list" tabindex="0" role="group"></div>' : ''}
<div id="legend"></div>
${extra === 'replay' ? '<div id="details" hidden></div>' : ''}`;
}
