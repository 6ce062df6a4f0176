import { type Matrix, matrixBits } from './matrix.ts';

/** All orderings of `items` (Heap's algorithm would do; 5! = 120 at most here). */
function* permutations(items: readonly number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i] as number, ...tail];
  }
}

function lexicographicallyBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

/**
 * The representative NAS-Bench-101 stores for the cell's isomorphism class: over every
 * renumbering of the interior vertices that keeps the matrix upper triangular, the smallest bit
 * pattern, then the lexicographically smallest labelling — the first one its enumeration meets.
 * `order[k]` is the original vertex placed at position k.
 */
export function canonicalOrder(matrix: Matrix, labels: readonly number[]): number[] {
  let best: { order: number[]; bits: number; labels: number[] } | null = null;
  for (const order of topologicalOrders(matrix)) {
    const bits = matrixBits(renumber(matrix, order));
    const permutedLabels = order.map((i) => labels[i] as number);
    if (
      best === null ||
      bits < best.bits ||
      (bits === best.bits && lexicographicallyBefore(permutedLabels, best.labels))
    ) {
      best = { order, bits, labels: permutedLabels };
    }
  }
  return (best as { order: number[] }).order;
}

/**
 * Every renumbering of a cell that keeps the input first, the output last and the matrix upper
 * triangular; `order[k]` is the original vertex placed at position k.
 */
export function* topologicalOrders(matrix: Matrix): Generator<number[]> {
  const n = matrix.length;
  const interior = Array.from({ length: Math.max(0, n - 2) }, (_, i) => i + 1);
  for (const perm of permutations(interior)) {
    const order = [0, ...perm, n - 1];
    if (isTopological(matrix, order)) yield order;
  }
}

/** The matrix with vertex `order[k]` placed at position k. */
export function renumber(matrix: Matrix, order: readonly number[]): Matrix {
  return order.map((i) => order.map((j) => matrix[i]?.[j] ?? 0));
}

function isTopological(matrix: Matrix, order: readonly number[]): boolean {
  for (let a = 0; a < order.length; a++) {
    for (let b = 0; b < a; b++) {
      if (matrix[order[a] as number]?.[order[b] as number]) return false;
    }
  }
  return true;
}
