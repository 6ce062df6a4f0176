import { canonicalOrder } from './canonical.ts';
import { SpecError } from './errors.ts';
import { moduleHash } from './hash.ts';
import { edgeCount, type Matrix, matrixToText } from './matrix.ts';
import {
  INPUT,
  isInteriorOperation,
  MAX_EDGES,
  MAX_VERTICES,
  type Operation,
  OUTPUT,
  operationLabel,
} from './operations.ts';
import { subMatrix, verticesOnInputOutputPaths } from './prune.ts';
import { residualConnections } from './residual.ts';
import { inferenceFlops, trainableParameters } from './structure.ts';

/**
 * A NAS-Bench-101 cell. It validates itself on construction and prunes the vertices that lie on
 * no input→output path; `matrix` and `ops` are the pruned cell.
 *
 * @example
 * const spec = new ModelSpec([[0, 1, 0], [0, 0, 1], [0, 0, 0]], ['input', 'conv3x3-bn-relu', 'output']);
 * spec.hash(); spec.trainableParameters();
 */
export class ModelSpec {
  readonly matrix: Matrix;
  readonly ops: readonly Operation[];
  readonly originalMatrix: Matrix;
  readonly originalOps: readonly string[];
  #hash: string | undefined;

  constructor(matrix: Matrix, ops: readonly string[]) {
    validateShape(matrix, ops);
    this.originalMatrix = matrix.map((row) => [...row]);
    this.originalOps = [...ops];
    const kept = verticesOnInputOutputPaths(matrix);
    if (kept === null) throw new SpecError('invalid cell: the input cannot reach the output');
    this.matrix = subMatrix(matrix, kept);
    this.ops = kept.map((v) => ops[v] as Operation);
    if (this.matrix.length > MAX_VERTICES) {
      throw new SpecError(`too many vertices: ${this.matrix.length} (max ${MAX_VERTICES})`);
    }
    const edges = edgeCount(this.matrix);
    if (edges > MAX_EDGES) throw new SpecError(`too many edges: ${edges} (max ${MAX_EDGES})`);
  }

  get vertices(): number {
    return this.matrix.length;
  }

  get edges(): number {
    return edgeCount(this.matrix);
  }

  labels(): number[] {
    return this.ops.map(operationLabel);
  }

  /** NAS-Bench-101's module_hash; invariant under renumbering of the interior vertices. */
  hash(): string {
    this.#hash ??= moduleHash(this.matrix, this.labels());
    return this.#hash;
  }

  /** The same cell numbered as NAS-Bench-101 stores it (the first its enumeration meets). */
  canonical(): ModelSpec {
    const order = canonicalOrder(this.matrix, this.labels());
    return new ModelSpec(
      order.map((i) => order.map((j) => this.matrix[i]?.[j] ?? 0)),
      order.map((i) => this.ops[i] as Operation),
    );
  }

  matrixText(): string {
    return matrixToText(this.matrix);
  }

  trainableParameters(): number {
    return trainableParameters(this.matrix, this.ops);
  }

  flops(): number {
    return inferenceFlops(this.matrix, this.ops);
  }

  /** Counted on this numbering; call on {@link canonical} for the paper's (stored-matrix) count. */
  residualConnections(): number {
    return residualConnections(this.matrix);
  }
}

function validateShape(matrix: Matrix, ops: readonly string[]): void {
  const n = matrix.length;
  if (n < 2) throw new SpecError(`a cell needs at least 2 vertices (input and output), got ${n}`);
  if (ops.length !== n) {
    throw new SpecError(`matrix has ${n} vertices but ${ops.length} operations were given`);
  }
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new SpecError(
        `matrix is not square: row ${i} has ${row?.length ?? 0} entries (expected ${n})`,
      );
    }
    row.forEach((x, j) => {
      if (x !== 0 && x !== 1)
        throw new SpecError(`matrix entry (${i},${j}) is ${x} (expected 0 or 1)`);
      if (x === 1 && j <= i) {
        throw new SpecError(`matrix is not strictly upper triangular: entry (${i},${j}) is 1`);
      }
    });
  });
  if (ops[0] !== INPUT) throw new SpecError(`operation 0 must be 'input', got '${ops[0]}'`);
  if (ops[n - 1] !== OUTPUT) {
    throw new SpecError(`operation ${n - 1} must be 'output', got '${ops[n - 1]}'`);
  }
  for (let v = 1; v < n - 1; v++) {
    const op = ops[v] as string;
    if (!isInteriorOperation(op)) {
      throw new SpecError(
        `operation ${v} is '${op}': expected conv3x3-bn-relu, conv1x1-bn-relu or maxpool3x3`,
      );
    }
  }
}
