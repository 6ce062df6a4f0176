/** Interior operations in NAS-Bench-101's canonical order: their index is the hash label. */
export const INTERIOR_OPERATIONS = ['conv3x3-bn-relu', 'conv1x1-bn-relu', 'maxpool3x3'] as const;

export type InteriorOperation = (typeof INTERIOR_OPERATIONS)[number];
export type Operation = 'input' | 'output' | InteriorOperation;

export const INPUT = 'input';
export const OUTPUT = 'output';

/** Search-space limits, checked after pruning. */
export const MAX_VERTICES = 7;
export const MAX_EDGES = 9;

/** Hash label of an operation: input -1, output -2, interior by canonical index. */
export function operationLabel(op: Operation): number {
  if (op === INPUT) return -1;
  if (op === OUTPUT) return -2;
  return INTERIOR_OPERATIONS.indexOf(op);
}

export function isInteriorOperation(op: string): op is InteriorOperation {
  return (INTERIOR_OPERATIONS as readonly string[]).includes(op);
}
