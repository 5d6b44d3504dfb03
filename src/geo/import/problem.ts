/** A problem in an imported file, named by where it is (the same shape as the scenario's InputError). */
export interface Problem {
  /** The file and the place in it (`roads.osm.pbf node 42`), or an option (`--bbox`). */
  path: string;
  message: string;
}
