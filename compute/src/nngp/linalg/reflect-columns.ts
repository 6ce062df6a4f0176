import { residentAddress, wasmHeap } from './wasm-heap.ts';

/**
 * Applies the Householder reflector H = I − τ·v·vᵀ held at `panel[head…head + length)` (v[0] = 1
 * implicit, the stored head is not read) to `columns` further columns of a column-major panel,
 * each `stride` apart and starting `stride` after the reflector's column, over the same rows:
 * x ← x − τ·(vᵀx)·v. The wasm SIMD loop runs when the panel lives in wasm memory
 * ({@link allocateResident}), plain TypeScript otherwise.
 *
 * @example reflectColumns(panel, c * size + c, size - c, width - c - 1, size, tau)
 */
export function reflectColumns(
  panel: Float64Array,
  head: number,
  length: number,
  columns: number,
  stride: number,
  tau: number,
): void {
  const at = residentAddress(panel, head);
  if (at !== undefined) {
    wasmHeap().exports.reflect(at, at + stride * 8, length, columns, stride * 8, tau);
    return;
  }
  for (let j = 1; j <= columns; j++) {
    const col = head + j * stride;
    let s = panel[col] as number;
    for (let r = 1; r < length; r++) s += (panel[head + r] as number) * (panel[col + r] as number);
    s *= tau;
    panel[col] = (panel[col] as number) - s;
    for (let r = 1; r < length; r++)
      panel[col + r] = (panel[col + r] as number) - s * (panel[head + r] as number);
  }
}
