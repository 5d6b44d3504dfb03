/** Which rows of a long list of fixed-height rows to put in the page: those in view, and a few more. */

/** Rows [from, to) to render for a viewport scrolled to `scrollTopPx` of `viewportPx` height. */
export function visibleRows(count: number, scrollTopPx: number, viewportPx: number, rowPx: number, overscan = 8): [number, number] {
  if (count <= 0 || rowPx <= 0) return [0, 0];
  const first = Math.floor(Math.max(0, scrollTopPx) / rowPx);
  const from = Math.max(0, first - overscan);
  const to = Math.min(count, first + Math.ceil(Math.max(0, viewportPx) / rowPx) + overscan);
  return [Math.min(from, to), to];
}
