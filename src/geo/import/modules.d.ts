// Packages that ship no types (tiny-osmpbf, the pbf 3 reader it is built on, shpjs): only what geo/import uses.
declare module 'tiny-osmpbf' {
  /** Parses a whole .osm.pbf file into OSM JSON (the Overpass API's format). */
  export default function tinyosmpbf(data: Uint8Array): { elements: unknown[] };
}
/** Generated protobuf readers and writers (the fixture script writes .osm.pbf with them). */
type Message = { read(pbf: unknown): any; write(obj: unknown, pbf: unknown): void };
declare module 'tiny-osmpbf/proto/fileformat.js' {
  export const BlobHeader: Message;
  export const Blob: Message;
}
declare module 'tiny-osmpbf/proto/osmformat.js' {
  export const HeaderBlock: Message;
  export const PrimitiveBlock: Message;
}
declare module 'pbf' {
  export default class Pbf {
    constructor(data?: Uint8Array);
    pos: number;
    length: number;
    finish(): Uint8Array;
  }
}
declare module 'shpjs' {
  /** Shapes of a .shp as GeoJSON geometries (in the file's coordinates when no .prj is given). */
  export function parseShp(shp: Uint8Array | ArrayBuffer | DataView, prj?: string): unknown[];
  /** Rows of a .dbf, text decoded with the given encoding label. */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer | DataView, encoding?: string): Record<string, unknown>[];
}
