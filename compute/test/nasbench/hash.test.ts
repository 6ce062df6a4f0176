import { describe, expect, it } from 'vitest';
import { ModelSpec, moduleHash } from '../../src/nasbench/index.ts';
import { fixtureModules, seededRandom } from '../support/fixtures.ts';
import { INCEPTION } from './cells.ts';

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Renumbers a labelled graph: new vertex k is old vertex order[k]. */
function renumber(matrix: number[][], labels: number[], order: number[]) {
  return {
    matrix: order.map((i) => order.map((j) => matrix[i]?.[j] ?? 0)),
    labels: order.map((i) => labels[i] as number),
  };
}

describe('moduleHash', () => {
  it('reproduces NAS-Bench-101 for the Inception-like cell', () => {
    expect(new ModelSpec(INCEPTION.matrix, INCEPTION.ops).hash()).toBe(INCEPTION.hash);
  });

  it('matches the stored module_hash of every fixture module', async () => {
    const modules = await fixtureModules();
    expect(modules.size).toBe(10_302);
    for (const m of modules.values())
      expect(new ModelSpec(m.matrix, m.operations).hash()).toBe(m.hash);
  });

  it('is invariant under any renumbering of the vertices (property, 2,000 random cases)', async () => {
    const random = seededRandom(7);
    const modules = [...(await fixtureModules()).values()];
    for (let trial = 0; trial < 2000; trial++) {
      const m = modules[Math.floor(random() * modules.length)] as (typeof modules)[number];
      const spec = new ModelSpec(m.matrix, m.operations);
      const order = shuffle(
        spec.matrix.map((_, v) => v),
        random,
      );
      const moved = renumber(spec.matrix, spec.labels(), order);
      expect(moduleHash(moved.matrix, moved.labels)).toBe(m.hash);
    }
  });

  it('tells apart cells that differ in one operation or one edge', () => {
    const base = new ModelSpec(INCEPTION.matrix, INCEPTION.ops);
    const otherOp = new ModelSpec(INCEPTION.matrix, INCEPTION.ops.with(5, 'conv1x1-bn-relu'));
    const otherEdge = new ModelSpec(
      INCEPTION.matrix.map((row, i) => (i === 0 ? row.with(5, 0) : i === 1 ? row.with(5, 1) : row)),
      INCEPTION.ops,
    );
    expect(new Set([base.hash(), otherOp.hash(), otherEdge.hash()]).size).toBe(3);
  });
});

describe('ModelSpec.canonical', () => {
  it('brings a renumbered fixture cell back to the matrix NAS-Bench-101 stores (property)', async () => {
    const random = seededRandom(11);
    const modules = [...(await fixtureModules()).values()];
    for (let trial = 0; trial < 500; trial++) {
      const m = modules[Math.floor(random() * modules.length)] as (typeof modules)[number];
      const spec = new ModelSpec(m.matrix, m.operations);
      // Only topological renumberings keep a valid (upper-triangular) spec.
      const orders = [...topologicalOrders(spec.matrix)];
      const order = orders[Math.floor(random() * orders.length)] as number[];
      const moved = new ModelSpec(
        order.map((i) => order.map((j) => spec.matrix[i]?.[j] ?? 0)),
        order.map((i) => spec.ops[i] as string),
      );
      const canonical = moved.canonical();
      expect(canonical.matrixText()).toBe(m.matrixText);
      expect(canonical.ops).toEqual(m.operations);
    }
  });
});

function* topologicalOrders(matrix: number[][]): Generator<number[]> {
  const n = matrix.length;
  const place = (prefix: number[], rest: number[]): number[][] => {
    if (rest.length === 0) return [prefix];
    return rest
      .filter(
        (v) =>
          prefix.every((u) => !matrix[v]?.[u]) && rest.every((u) => !matrix[u]?.[v] || u === v),
      )
      .flatMap((v) =>
        place(
          [...prefix, v],
          rest.filter((u) => u !== v),
        ),
      );
  };
  const interior = Array.from({ length: n - 2 }, (_, i) => i + 1);
  for (const order of place([0], interior)) yield [...order, n - 1];
}
