/**
 * Travel-time model of a scenario, one of three kinds:
 * - `network`: shortest free-flow path on the road graph, plus straight access legs to the nearest
 *   node at the normal speed;
 * - `matrix`: an explicit zone × station table of seconds, as planners export from GIS (used in both
 *   directions; zone to zone goes through the best station; trips the table does not cover, such as
 *   to a hospital, fall back to `straight`);
 * - `straight`: great-circle distance × detour ÷ speed.
 * Every trip is then scaled by the hour's congestion multiplier, divided by the emergency-driving
 * factor for lights-and-sirens trips, and multiplied by the optional noise draw.
 */
import type { Point } from './point.ts';
import type { Dist } from '../random/distributions.ts';
import { sample } from '../random/distributions.ts';
import type { Rng } from '../random/streams.ts';
import { distanceM, lerpPoint } from './distance.ts';
import { RoadGraph, type RoadNetwork } from './network.ts';

/** How a scenario's travel is modelled (normalised; durations in seconds). */
export interface Travel {
  model: 'network' | 'matrix' | 'straight';
  network?: RoadNetwork;
  /** zone id → station id → travel seconds at free flow, without the emergency factor. */
  matrix?: Record<string, Record<string, number>>;
  speedKmh: number;
  detour: number;
  emergencyFactor: number;
  /** Travel-time multiplier by local hour of day (length 24). */
  congestion: number[];
  noise?: Dist;
  snapM: number;
}

/** A point the model has prepared (snapped to the network, tagged with its zone/station). */
export interface Place extends Point {
  zone?: string;
  station?: string;
  /** Nearest road node (network model). */
  node?: number;
  /** Distance to that node (m). */
  snapM?: number;
}

/** A trip's road route: node indices and the free-flow seconds from the trip's start to each. */
export interface TripRoute {
  nodes: number[];
  cumS: number[];
}

/** Local hour of day (0–23) at simulation time `tS`. */
export function hourAt(startSecondOfDay: number, tS: number): number {
  const s = (((startSecondOfDay + tS) % 86400) + 86400) % 86400;
  return Math.floor(s / 3600);
}

const graphs = new WeakMap<object, RoadGraph>();

/**
 * The road graph of `network`: one per network (its shortest-path cache and its snaps are pure
 * functions of the roads), shared by every run of the scenario and by the loader's reach check.
 */
export function roadGraphOf(network: RoadNetwork): RoadGraph {
  let g = graphs.get(network);
  if (!g) graphs.set(network, (g = new RoadGraph(network)));
  return g;
}

/** A road closure: every road within `radiusM` of a point is shut (an exercise inject, a flood). */
export interface Closure extends Point {
  radiusM: number;
}

/**
 * How much longer a trip takes when a closure cuts it off entirely (on foot, by a boat, by a track
 * the road data lack), or — without a road network — when it starts or ends inside a closure.
 */
export const CLOSURE_DETOUR = 2;

export class TravelModel {
  readonly graph?: RoadGraph;
  private readonly spec: Travel;
  private readonly startSecondOfDay: number;
  /** Closures in force, by id, and the road graph without their roads (null: none in force). */
  private readonly closures = new Map<string, Closure>();
  private closedGraph: RoadGraph | null = null;

  constructor(scenario: { travel: Travel; startSecondOfDay: number }) {
    this.spec = scenario.travel;
    this.startSecondOfDay = scenario.startSecondOfDay;
    if (this.spec.model === 'network' && this.spec.network) {
      this.graph = roadGraphOf(this.spec.network);
    }
  }

  /**
   * Prepares a point for repeated trips. `fixed`: the point is one of the scenario's own (a station,
   * a hospital), the same object in every run, so where it snaps is worked out once.
   */
  place(p: Point, tags: { zone?: string; station?: string } = {}, fixed = false): Place {
    const out: Place = { lon: p.lon, lat: p.lat, ...tags };
    if (this.graph) {
      const { node, distanceM: d } = fixed ? this.graph.nearestFixed(p) : this.graph.nearest(p);
      out.node = node;
      out.snapM = d;
    }
    return out;
  }

  private straightS(a: Point, b: Point): number {
    return (distanceM(a, b) * this.spec.detour) / (this.spec.speedKmh / 3.6);
  }

  /** Shuts the roads within a closure from now on (an id already in force is replaced). */
  close(id: string, c: Closure): void {
    this.closures.set(id, { lon: c.lon, lat: c.lat, radiusM: c.radiusM });
    this.rebuildClosed();
  }

  /** Opens the roads of closure `id` again; false when no such closure is in force. */
  open(id: string): boolean {
    const had = this.closures.delete(id);
    if (had) this.rebuildClosed();
    return had;
  }

  /** Closures in force, by id. */
  activeClosures(): ReadonlyMap<string, Closure> {
    return this.closures;
  }

  private inClosure(p: Point): boolean {
    for (const c of this.closures.values()) if (distanceM(c, p) <= c.radiusM) return true;
    return false;
  }

  private rebuildClosed(): void {
    if (!this.graph || this.closures.size === 0) {
      this.closedGraph = null;
      return;
    }
    // The nodes stay as they are (places keep their snapped node); roads touching a closure go.
    const net = this.graph.network;
    const shut = net.nodes.map((n) => this.inClosure(n));
    this.closedGraph = new RoadGraph({ nodes: net.nodes, edges: net.edges.filter((e) => !shut[e.from] && !shut[e.to]) });
  }

  /** Free-flow seconds from `a` to `b` at normal speed (no congestion, emergency factor or noise), closures counted. */
  freeFlowS(a: Place, b: Place): number {
    const spec = this.spec;
    if (spec.model === 'matrix' && spec.matrix) return this.matrixS(a, b) * this.closureFactor(a, b);
    if (this.graph && a.node !== undefined && b.node !== undefined) {
      const accessS = ((a.snapM ?? 0) + (b.snapM ?? 0)) / (spec.speedKmh / 3.6);
      const open = this.graph.time(a.node, b.node);
      if (this.closedGraph) {
        const around = this.closedGraph.time(a.node, b.node);
        return (Number.isFinite(around) ? around : open * CLOSURE_DETOUR) + accessS;
      }
      return open + accessS;
    }
    return this.straightS(a, b) * this.closureFactor(a, b);
  }

  /** Without a road network, a trip that starts or ends inside a closure takes the detour factor. */
  private closureFactor(a: Place, b: Place): number {
    return this.closures.size > 0 && (this.inClosure(a) || this.inClosure(b)) ? CLOSURE_DETOUR : 1;
  }

  /** The matrix model's seconds: the table both ways, zone to zone through the best station, else straight. */
  private matrixS(a: Place, b: Place): number {
    const m = this.spec.matrix!;
    if (a.station && b.zone && m[b.zone]?.[a.station] !== undefined) return m[b.zone][a.station];
    if (b.station && a.zone && m[a.zone]?.[b.station] !== undefined) return m[a.zone][b.station];
    if (a.station && b.station && a.station === b.station) return 0;
    // Zone to zone (a unit sent on from a scene): the best route through any station the table
    // links to both; within one zone, the straight model.
    if (a.zone && b.zone && a.zone !== b.zone && m[a.zone] && m[b.zone]) {
      let best = Infinity;
      for (const st in m[a.zone]) {
        const back = m[b.zone][st];
        if (back !== undefined) best = Math.min(best, m[a.zone][st] + back);
      }
      if (Number.isFinite(best)) return best;
    }
    return this.straightS(a, b);
  }

  /** Congestion multiplier for a trip starting at `tS`. */
  congestionAt(tS: number): number {
    return this.spec.congestion[hourAt(this.startSecondOfDay, tS)];
  }

  /**
   * Seconds for a trip from `a` to `b` starting at `tS`. `emergency` applies the lights-and-sirens
   * factor; `rng` (when the scenario sets `travel.noise`) draws the trip's noise.
   */
  tripS(a: Place, b: Place, tS: number, emergency: boolean, rng?: Rng): number {
    let s = this.freeFlowS(a, b) * this.congestionAt(tS);
    if (emergency) s /= this.spec.emergencyFactor;
    if (this.spec.noise && rng) s *= Math.max(0.05, sample(this.spec.noise, rng));
    return s;
  }

  /** Points a unit passes between `a` and `b` (for the replay); straight models give the two ends. */
  route(a: Place, b: Place): Point[] {
    if (this.graph && a.node !== undefined && b.node !== undefined) {
      const nodes = this.graph.path(a.node, b.node).map((i) => this.graph!.network.nodes[i]);
      return [{ lon: a.lon, lat: a.lat }, ...nodes, { lon: b.lon, lat: b.lat }];
    }
    return [{ lon: a.lon, lat: a.lat }, { lon: b.lon, lat: b.lat }];
  }

  /**
   * Where a unit is, a fraction `f` (of time) of the way through its trip from `a` to `b`: on the
   * road network, the last node of its route it has passed; otherwise along the straight line.
   */
  between(a: Place, b: Place, f: number, route?: TripRoute): Place {
    const ff = Math.min(1, Math.max(0, f));
    if (this.graph && a.node !== undefined && b.node !== undefined) {
      const r = route ?? this.tripRoute(a, b);
      if (r.nodes.length === 0) return ff < 0.5 ? a : b;
      const t = ff * r.cumS[r.cumS.length - 1];
      let k = 0;
      while (k + 1 < r.cumS.length && r.cumS[k + 1] <= t) k++;
      const node = r.nodes[k];
      const p = this.graph.network.nodes[node];
      return { lon: p.lon, lat: p.lat, node, snapM: 0 };
    }
    return { ...lerpPoint(a, b, ff) };
  }

  /** The road route of a trip with free-flow times to each node (network model). */
  tripRoute(a: Place, b: Place): TripRoute {
    if (!this.graph || a.node === undefined || b.node === undefined) return { nodes: [], cumS: [] };
    const nodes = this.graph.path(a.node, b.node);
    const access = (a.snapM ?? 0) / (this.spec.speedKmh / 3.6);
    return { nodes, cumS: this.graph.cumulativeTimes(nodes).map((x) => x + access) };
  }
}
