/** A place on the Earth: WGS-84 longitude and latitude in degrees. */
export interface Point {
  lon: number;
  lat: number;
}
