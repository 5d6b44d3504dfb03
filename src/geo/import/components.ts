/**
 * Strongly connected components of a directed graph (Tarjan's algorithm, iterative so that a long
 * road does not overflow the call stack). A road network is usable where every place can reach
 * every other and come back: one strongly connected component.
 */

/** Component index of each node 0..n−1, given directed edges as parallel `from`/`to` arrays. */
export function stronglyConnected(n: number, from: ArrayLike<number>, to: ArrayLike<number>): Int32Array {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[from[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const adj = new Int32Array(from.length);
  const fill = start.slice(0, n);
  for (let k = 0; k < from.length; k++) adj[fill[from[k]]++] = to[k];

  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const call: number[] = [];
  const edgePos = new Int32Array(n);
  let counter = 0;
  let comps = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    call.push(root);
    index[root] = low[root] = counter++;
    edgePos[root] = start[root];
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 1];
      if (edgePos[v] < start[v + 1]) {
        const w = adj[edgePos[v]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          edgePos[w] = start[w];
          stack.push(w);
          onStack[w] = 1;
          call.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      call.pop();
      if (call.length > 0) {
        const parent = call[call.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
    }
  }
  return comp;
}
