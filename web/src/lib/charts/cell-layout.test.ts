import { describe, expect, it } from 'vitest';
import { layoutCell } from './cell-layout.ts';

describe('layoutCell', () => {
  // input → conv3x3 → output, input → conv1x1 → output, and a residual input → output.
  const matrix = [
    [0, 1, 1, 1],
    [0, 0, 0, 1],
    [0, 0, 0, 1],
    [0, 0, 0, 0],
  ];
  const operations = ['input', 'conv3x3-bn-relu', 'conv1x1-bn-relu', 'output'];

  it('puts each vertex in the column of its longest path from the input', () => {
    const layout = layoutCell(matrix, operations);
    expect(layout.vertices.map((v) => v.layer)).toEqual([0, 1, 1, 2]);
    expect(layout.edges).toEqual(
      [
        { from: 0, to: 1 },
        { from: 0, to: 2 },
        { from: 1, to: 3 },
        { from: 2, to: 3 },
        { from: 0, to: 3 },
      ].sort((a, b) => a.to - b.to || a.from - b.from),
    );
  });

  it('spreads a column vertically, keeps every vertex inside the drawing, keeps operations', () => {
    const layout = layoutCell(matrix, operations);
    const [, a, b] = layout.vertices;
    expect(a?.x).toBe(b?.x);
    expect(a?.y).not.toBe(b?.y);
    for (const v of layout.vertices) {
      expect(v.x).toBeGreaterThan(0);
      expect(v.x).toBeLessThan(layout.width);
      expect(v.y).toBeGreaterThan(0);
      expect(v.y).toBeLessThan(layout.height);
    }
    expect(layout.vertices.map((v) => v.operation)).toEqual(operations);
  });

  it('lays out a chain of seven vertices in seven columns', () => {
    const n = 7;
    const chain = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (j === i + 1 ? 1 : 0)),
    );
    const layout = layoutCell(
      chain,
      Array.from({ length: n }, () => 'conv3x3-bn-relu'),
    );
    expect(layout.vertices.map((v) => v.layer)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(layout.vertices.map((v) => v.y)).size).toBe(1);
  });
});
