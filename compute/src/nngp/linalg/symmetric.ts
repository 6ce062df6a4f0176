/** Tile edge for the blocked transpose: two 32×32 tiles of doubles fit in L1 together. */
const TILE = 32;

/**
 * Copies the lower triangle of the trailing block a[from:, from:] (n×n, row-major) onto its
 * upper triangle, tile by tile so the column-wise writes stay in cache.
 *
 * @example mirrorLower(a, n, 0) // a becomes exactly symmetric, taken from its lower half
 */
export function mirrorLower(a: Float64Array, n: number, from: number): void {
  for (let i0 = from; i0 < n; i0 += TILE) {
    const i1 = Math.min(n, i0 + TILE);
    for (let j0 = from; j0 <= i0; j0 += TILE) {
      const j1 = Math.min(n, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        const jEnd = Math.min(j1, i);
        for (let j = j0; j < jEnd; j++) a[j * n + i] = a[i * n + j] as number;
      }
    }
  }
}
