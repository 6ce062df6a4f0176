import type { NewNasbenchArchitectureRow } from '@nngp-nas/db';
import { edgeCount, type Matrix, matrixToText } from '../matrix.ts';
import type { Operation } from '../operations.ts';
import { residualConnections } from '../residual.ts';
import { inferenceFlops, trainableParameters } from '../structure.ts';

/**
 * The stored row of a module given in its stored (canonical, pruned) numbering.
 *
 * @example architectureRow(hash, spec.matrix, spec.ops)
 */
export function architectureRow(
  hash: string,
  matrix: Matrix,
  ops: readonly Operation[],
  enumerationIndex: number | null = null,
): NewNasbenchArchitectureRow {
  return {
    hash,
    matrix: matrixToText(matrix),
    operations: [...ops],
    vertices: matrix.length,
    edges: edgeCount(matrix),
    trainableParameters: trainableParameters(matrix, ops),
    flops: inferenceFlops(matrix, ops),
    residualConnections: residualConnections(matrix),
    enumerationIndex,
  };
}
