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
