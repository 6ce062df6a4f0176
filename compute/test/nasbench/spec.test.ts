import { describe, expect, it } from 'vitest';
import { ModelSpec, SpecError } from '../../src/nasbench/index.ts';

const C3 = 'conv3x3-bn-relu';
const C1 = 'conv1x1-bn-relu';
const MP = 'maxpool3x3';

function chain(vertices: number): number[][] {
  return Array.from({ length: vertices }, (_, i) =>
    Array.from({ length: vertices }, (_, j) => (j === i + 1 ? 1 : 0)),
  );
}

describe('ModelSpec validation', () => {
  it.each([
    [
      [
        [0, 1],
        [0, 0],
      ],
      ['input', 'conv3x3-bn-relu'],
      "operation 1 must be 'output', got 'conv3x3-bn-relu'",
    ],
    [
      [
        [0, 1],
        [0, 0],
      ],
      ['output', 'output'],
      "operation 0 must be 'input', got 'output'",
    ],
    [
      [
        [0, 1, 0],
        [0, 0, 1],
        [0, 0, 0],
      ],
      ['input', 'conv5x5', 'output'],
      "operation 1 is 'conv5x5'",
    ],
    [
      [
        [0, 1],
        [0, 0],
      ],
      ['input', C3, 'output'],
      'matrix has 2 vertices but 3 operations were given',
    ],
    [
      [
        [0, 1],
        [1, 0],
      ],
      ['input', 'output'],
      'not strictly upper triangular: entry (1,0) is 1',
    ],
    [
      [
        [0, 2],
        [0, 0],
      ],
      ['input', 'output'],
      'matrix entry (0,1) is 2 (expected 0 or 1)',
    ],
    [
      [
        [0, 1, 0],
        [0, 0],
        [0, 0, 0],
      ],
      ['input', C3, 'output'],
      'row 1 has 2 entries (expected 3)',
    ],
    [[[0]], ['input'], 'at least 2 vertices'],
  ])('rejects %j / %j', (matrix, ops, message) => {
    expect(() => new ModelSpec(matrix as number[][], ops as string[])).toThrowError(SpecError);
    expect(() => new ModelSpec(matrix as number[][], ops as string[])).toThrowError(message);
  });

  it('rejects a cell whose input cannot reach its output', () => {
    const m = [
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    expect(() => new ModelSpec(m, ['input', C3, 'output'])).toThrowError(
      'invalid cell: the input cannot reach the output',
    );
  });

  it('counts edges after pruning: "too many edges: 10 (max 9)"', () => {
    // A 6-vertex cell with 10 edges, all on input→output paths.
    const m = [
      [0, 1, 1, 1, 1, 1],
      [0, 0, 1, 0, 0, 1],
      [0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 0],
    ];
    expect(() => new ModelSpec(m, ['input', C3, C3, C3, C3, 'output'])).toThrowError(
      'too many edges: 10 (max 9)',
    );
  });

  it('rejects more than 7 vertices after pruning', () => {
    expect(() => new ModelSpec(chain(8), ['input', C3, C3, C3, C3, C3, C3, 'output'])).toThrowError(
      'too many vertices: 8 (max 7)',
    );
  });
});

describe('ModelSpec pruning', () => {
  it('drops a vertex that cannot reach the output, with its row, column and op', () => {
    // 0→1→3 and 0→2 where 2 is a dead end.
    const m = [
      [0, 1, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const spec = new ModelSpec(m, ['input', C3, MP, 'output']);
    expect(spec.matrix).toEqual(chain(3));
    expect(spec.ops).toEqual(['input', C3, 'output']);
  });

  it('drops a vertex the input cannot reach', () => {
    // 0→2→3, and 1→3 with nothing into 1.
    const m = [
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ];
    const spec = new ModelSpec(m, ['input', MP, C1, 'output']);
    expect(spec.matrix).toEqual(chain(3));
    expect(spec.ops).toEqual(['input', C1, 'output']);
  });

  it('accepts a cell with 8 vertices and 10 edges when pruning brings it within the limits', () => {
    // Chain 0→1→2→3→4→5→7 (6 edges) plus a dead end 6 fed by 0, 1, 2 and 3 (4 edges).
    const m = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
    for (const [i, j] of [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 7],
      [0, 6],
      [1, 6],
      [2, 6],
      [3, 6],
    ]) {
      (m[i as number] as number[])[j as number] = 1;
    }
    const spec = new ModelSpec(m, ['input', C3, C3, C1, C1, MP, MP, 'output']);
    expect(spec.vertices).toBe(7);
    expect(spec.edges).toBe(6);
    expect(spec.ops).toEqual(['input', C3, C3, C1, C1, MP, 'output']);
  });

  it('keeps the original cell for reference', () => {
    const m = [
      [0, 1, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const spec = new ModelSpec(m, ['input', C3, MP, 'output']);
    expect(spec.originalMatrix).toEqual(m);
    expect(spec.originalOps).toEqual(['input', C3, MP, 'output']);
  });
});
