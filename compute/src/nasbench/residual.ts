import type { Matrix } from './matrix.ts';

/**
 * Residual connections as the paper counts them: edges i→j with j ≥ i+2 in the stored matrix
 * (entries above the first superdiagonal). A chain has none.
 *
 * @example residualConnections([[0,1,1],[0,0,1],[0,0,0]]) // 1
 */
export function residualConnections(matrix: Matrix): number {
  let n = 0;
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i] as number[];
    for (let j = i + 2; j < row.length; j++) n += row[j] as number;
  }
  return n;
}
