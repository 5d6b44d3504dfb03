/** Agency colours: one per agency of the scenario, the same in every view. */
import * as d3 from 'd3';

/** Colour of each agency id, in the scenario's order. */
export function agencyPalette(agencyIds: readonly string[]): (id: string) => string {
  const scale = d3.scaleOrdinal<string, string>(d3.schemeTableau10).domain(agencyIds);
  return (id) => scale(id);
}
