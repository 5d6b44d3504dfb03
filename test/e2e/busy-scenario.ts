/**
 * A busy day for the scale measurements: the default scenario with its background demand scaled
 * (200× gives ~17,000 incidents, the load issue 12 set its targets at), as a zip of the scenario
 * folder the app opens like any user's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq } from 'yaml';
import { zipSync, strToU8 } from 'fflate';

/** How much busier than the default county's day the busy day is. */
export const BUSY_FACTOR = 200;

/** The default scenario's text with every background rate multiplied by `factor`. */
export function busyDefaultYaml(root: string, factor: number): string {
  const doc = parseDocument(readFileSync(join(root, 'scenarios/default.yaml'), 'utf8'));
  const bg = doc.getIn(['demand', 'background']);
  if (!isSeq(bg)) throw new Error('default.yaml: demand.background is not a list');
  for (const item of bg.items) if (isMap(item)) item.set('ratePerDay', Number(item.get('ratePerDay')) * factor);
  doc.set('name', `default-${factor}x`);
  return doc.toString();
}

/** A zip of the busy scenario with the geography it reads. */
export function busyDefaultZip(root: string, factor: number): Buffer {
  const geo = ['geo/default-zones.geojson', 'geo/default-roads.geojson'];
  const files: Record<string, Uint8Array> = { [`default-${factor}x/default-${factor}x.yaml`]: strToU8(busyDefaultYaml(root, factor)) };
  for (const g of geo) files[`default-${factor}x/${g}`] = readFileSync(join(root, 'scenarios', g));
  return Buffer.from(zipSync(files));
}
