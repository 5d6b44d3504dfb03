/** Words a person reads, in both languages the tool speaks: Chinese (the source documents') and English. */
export interface Words {
  zh: string;
  en: string;
}

/** A problem in an imported file, named by where it is (the same shape as the scenario's InputError). */
export interface Problem extends Words {
  /** The file and the place in it (`roads.osm.pbf node 42`), or an option (`--bbox`). */
  path: string;
}

/** A file that should hold GeoJSON features and does not (zones, roads, stations, layers). */
export const NOT_FEATURE_COLLECTION: Words = { zh: '不是 GeoJSON FeatureCollection（要素集合）', en: 'not a GeoJSON FeatureCollection' };

/** The words of what a library threw (an Error's message, or whatever it threw as text): English, for the `en` line only. */
export const thrownMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
