import { describe, expect, it } from 'vitest';
import { DEFAULT_SPACING, distanceToCurve, layoutCell } from './cell-layout.ts';

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
    expect(layout.edges.map(({ from, to }) => ({ from, to }))).toEqual(
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

  /** Every edge is its own path: it clears every vertex it does not join, and no two coincide. */
  function expectDistinctEdges(matrix: number[][]) {
    const n = matrix.length;
    const layout = layoutCell(
      matrix,
      Array.from({ length: n }, () => 'conv3x3-bn-relu'),
    );
    const expected = matrix.flatMap((row, from) =>
      row.flatMap((bit, to) => (bit === 1 ? [`${from}-${to}`] : [])),
    );
    expect(layout.edges.map((e) => `${e.from}-${e.to}`).sort()).toEqual(expected.sort());
    expect(new Set(layout.edges.map((e) => e.path)).size).toBe(layout.edges.length);
    for (const edge of layout.edges) {
      for (const v of layout.vertices) {
        if (v.index === edge.from || v.index === edge.to) continue;
        expect(
          distanceToCurve(v, edge),
          `edge ${edge.from}→${edge.to} vs ${v.index}`,
        ).toBeGreaterThan(DEFAULT_SPACING.radius);
      }
    }
    for (const v of layout.vertices) {
      expect(v.y).toBeGreaterThan(0);
      expect(v.y).toBeLessThan(layout.height);
    }
  }

  it('bends the skip edges of a chain clear of the chain (0→2 and 0→5 over 0→1→…→6)', () => {
    const n = 7;
    const matrix = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) =>
        j === i + 1 || (i === 0 && (j === 2 || j === 5)) ? 1 : 0,
      ),
    );
    expectDistinctEdges(matrix);
  });

  it('draws every edge distinctly in 300 random cells of up to 7 vertices and 9 edges', () => {
    let state = 12345;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    for (let trial = 0; trial < 300; trial++) {
      const n = 3 + Math.floor(random() * 5);
      const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      // A chain keeps every vertex on a path from input to output, as a pruned cell has.
      for (let i = 0; i + 1 < n; i++) (matrix[i] as number[])[i + 1] = 1;
      let edges = n - 1;
      while (edges < 9 && random() < 0.8) {
        const i = Math.floor(random() * (n - 2));
        const j = i + 2 + Math.floor(random() * (n - i - 2));
        if ((matrix[i] as number[])[j] === 0) edges++;
        (matrix[i] as number[])[j] = 1;
      }
      expectDistinctEdges(matrix);
    }
  });
});
