/**
 * The English words a Chinese line still carries, besides its place (before the first “：”), file
 * names, option names, element names, quoted names and the technical terms Chinese text writes as
 * they are: what a library's English message leaves behind in a `zh` string.
 */
const TERMS = new Set([
  'xml', 'json', 'geojson', 'osm', 'gzip', 'zip', 'bzip2', 'bunzip2', 'blob', 'pbf', 'shp', 'dbf', 'prj', 'cpg', 'utf', 'utf-8', 'gbk', 'gb18030', 'gb2312', 'cp936',
  'shapefile', 'wkt', 'proj4', 'proj', 'projection', 'epsg', 'wgs', 'cgcs2000', 'gcj', 'bd', 'utm', 'osmheader', 'overpass', 'zlib', 'deflate', 'node', 'way', 'lat', 'lon', 'nan', 'web',
  'featurecollection', 'feature', 'polygon', 'multipolygon', 'linestring', 'multilinestring', 'point', 'multipoint',
]);

/** The English words of `line` (a Chinese error line) that are not names or terms; [] when there are none. */
export function englishIn(line: string): string[] {
  const words = line
    .replace(/^[^：]*：/, '')
    .replace(/“[^”]*”/g, '')
    .replace(/(已知|它有)：[^）]*/g, '') // a list of names (road classes, attributes)
    .replace(/\[[^\]]*\]/g, '') // code, as Overpass's `[out:json]`
    .replace(/<\/?[^>\s]*>/g, '')
    .replace(/--[a-z-]+(?: [\w:.-]+)?/g, '') // an option and its value
    .replace(/\b[a-z_]+: /g, '') // a scenario's key, as `encoding: gbk`
    .replace(/[\w.-]*(?:\/[\w.-]+)+/g, '') // a path
    .replace(/[\w.-]+\.[a-z][a-z0-9]{1,6}\b/gi, '')
    .match(/[A-Za-z][A-Za-z0-9-]*/g);
  return (words ?? []).filter((w) => !TERMS.has(w.toLowerCase()));
}
