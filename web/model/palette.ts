/**
 * Agency colours that hold across scenarios: the hue comes from the agency's kind (fire is red,
 * EMS green, police blue, …; a neighbour's kind shares its home kind's hue), the shade from its id
 * (a stable hash), so two fire agencies differ in lightness and any number of agencies get one.
 */
import { hcl } from 'd3';

/** Hue (HCL degrees) per kind of agency; unknown kinds get a hue from their name. */
const KIND_HUE: Record<string, number> = {
  fire: 25, ems: 140, police: 265, traffic: 230, hazmat: 60, environment: 110, power: 80, water: 205,
  comms: 300, health: 165, redcross: 5, volunteer: 330, enterprise: 45, education: 285, urban: 180, road: 95,
};

/** FNV-1a over the UTF-16 code units: a stable 32-bit hash of a string. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Colour of an agency of `kind` with `id`: the same in every scenario, every view and every run. */
export function agencyColor(kind: string, id: string): string {
  const base = kind.replace(/-neighbou?r$/, '');
  const hue = KIND_HUE[base] ?? stableHash(base) % 360;
  const h = stableHash(id);
  // Four lightness steps and a small hue shift keep agencies of one kind apart but recognisable.
  const l = 38 + 11 * (h % 4);
  const dh = ((h >>> 2) % 5) * 4 - 8;
  return hcl(hue + dh, 55, l).formatHex();
}

/** Colour of each agency id of a scenario (grey for an id it does not know). */
export function agencyPalette(agencies: readonly { id: string; kind: string }[]): (id: string) => string {
  const m = new Map(agencies.map((a) => [a.id, agencyColor(a.kind, a.id)]));
  return (id) => m.get(id) ?? '#888888';
}
