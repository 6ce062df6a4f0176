/**
 * The Inception-like cell of the NAS-Bench-101 examples (DESIGN.md §2), with the values the
 * dataset records for it: a fixed point for tests, benchmarks and demos.
 *
 * @example new ModelSpec(INCEPTION_CELL.matrix, INCEPTION_CELL.ops).hash() === INCEPTION_CELL.hash
 */
export const INCEPTION_CELL = {
  matrix: [
    [0, 1, 1, 1, 0, 1, 0],
    [0, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 1, 0, 0],
    [0, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 0],
  ],
  ops: [
    'input',
    'conv1x1-bn-relu',
    'conv3x3-bn-relu',
    'conv3x3-bn-relu',
    'conv3x3-bn-relu',
    'maxpool3x3',
    'output',
  ],
  hash: '28cfc7874f6d200472e1a9dcd8650aa0',
  trainableParameters: 2_694_282,
} as const;
