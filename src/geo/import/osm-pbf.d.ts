// tiny-osmpbf and the pbf 3 reader it is built on ship no types; only what osm-read.ts uses.
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
