/**
 * Closed forms of queueing theory the engine is checked against (test/validation) and that reports
 * can quote beside simulated figures.
 */

/** Erlang B: probability that all `c` servers are busy in M/M/c/c with offered load `a` (Erlangs). */
export function erlangB(c: number, a: number): number {
  // Stable recursion: B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability that an arrival waits in M/M/c with offered load `a` < c. */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c mean wait in queue (s): C(c, a) / (cμ − λ), with a = λ/μ. */
export function mmcMeanWaitS(c: number, lambdaPerS: number, muPerS: number): number {
  const a = lambdaPerS / muPerS;
  return erlangC(c, a) / (c * muPerS - lambdaPerS);
}

/** Solves A x = b by Gaussian elimination with partial pivoting (small dense systems). */
export function solveLinear(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[piv][col])) piv = r;
    [M[col], M[piv]] = [M[piv], M[col]];
    const p = M[col][col];
    if (Math.abs(p) < 1e-300) throw new Error('singular system');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = M[r][col] / p;
      if (f === 0) continue;
      for (let k = col; k <= n; k++) M[r][k] -= f * M[col][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

export interface HypercubeInput {
  /** Arrival rate of each zone (atom), per second. */
  lambdaPerS: number[];
  /** Service rate of every unit, per second (homogeneous, exponential service). */
  muPerS: number;
  /** For each zone, unit indices in order of preference (every unit listed). */
  preference: number[][];
  /** `loss`: calls finding every unit busy are lost; `queue`: they wait in one infinite FCFS line. */
  mode: 'loss' | 'queue';
}

export interface HypercubeSolution {
  /** Stationary probability of each busy set (bit i = unit i busy); in queue mode the all-busy entry holds all queue lengths. */
  stateProb: number[];
  /** Fraction of time each unit is busy. */
  workload: number[];
  /** f[i][j]: fraction of all dispatches that send unit i to zone j. */
  dispatchFraction: number[][];
  /** Probability that every unit is busy (loss mode: fraction of calls lost). */
  allBusy: number;
}

/**
 * Exact solution of Larson's hypercube queueing model (Larson 1974; Larson & Odoni, *Urban Operations
 * Research*, ch. 5) for N units with fixed preference dispatch, by solving the 2^N balance equations.
 * Queue mode uses the model's infinite-line extension: the saturated states form a birth–death tail
 * with ratio ρ = λ/(Nμ), and a queued call goes to whichever unit frees first (each unit with
 * probability 1/N under homogeneous service rates).
 */
export function solveHypercube(input: HypercubeInput): HypercubeSolution {
  const { lambdaPerS, muPerS, preference, mode } = input;
  const N = preference[0].length;
  const S = 1 << N;
  const full = S - 1;
  const lambda = lambdaPerS.reduce((a, b) => a + b, 0);
  const firstFree = (B: number, j: number) => preference[j].find((i) => !(B & (1 << i)))!;
  // Generator Q (rows: from, cols: to). Arrivals in the full state stay in it (lost, or balanced by
  // the queue tail's return flow), so both modes share this finite chain.
  const Q = Array.from({ length: S }, () => new Array<number>(S).fill(0));
  for (let B = 0; B < S; B++) {
    if (B !== full) {
      lambdaPerS.forEach((l, j) => {
        Q[B][B | (1 << firstFree(B, j))] += l;
      });
    }
    for (let i = 0; i < N; i++) if (B & (1 << i)) Q[B][B & ~(1 << i)] += muPerS;
  }
  for (let B = 0; B < S; B++) Q[B][B] = -Q[B].reduce((a, x, k) => (k === B ? a : a + x), 0);
  // πQ = 0 with Σπ = 1: transpose, replace the last equation by the normalisation.
  const A = Array.from({ length: S }, (_, r) => Array.from({ length: S }, (_, c) => Q[c][r]));
  const b = new Array<number>(S).fill(0);
  A[S - 1] = new Array<number>(S).fill(1);
  b[S - 1] = 1;
  let pi = solveLinear(A, b);
  let fullMass = pi[full];
  if (mode === 'queue') {
    const rho = lambda / (N * muPerS);
    if (rho >= 1) throw new RangeError('queue mode needs λ < Nμ');
    fullMass = pi[full] / (1 - rho);
    const z = 1 - pi[full] + fullMass;
    pi = pi.map((p) => p / z);
    fullMass /= z;
  }
  const stateProb = pi.slice();
  stateProb[full] = fullMass;
  const workload = Array.from({ length: N }, (_, i) => stateProb.reduce((a, p, B) => (B & (1 << i) ? a + p : a), 0));
  const f = Array.from({ length: N }, () => new Array<number>(lambdaPerS.length).fill(0));
  for (let B = 0; B < full; B++) lambdaPerS.forEach((l, j) => (f[firstFree(B, j)][j] += l * stateProb[B]));
  if (mode === 'queue') for (let i = 0; i < N; i++) lambdaPerS.forEach((l, j) => (f[i][j] += (l * fullMass) / N));
  const served = f.flat().reduce((a, x) => a + x, 0);
  return { stateProb, workload, dispatchFraction: f.map((row) => row.map((x) => x / served)), allBusy: fullMass };
}
