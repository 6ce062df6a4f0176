import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/datasets/random.ts';
import { topologicalOrders } from '../../src/nasbench/canonical.ts';
import { INCEPTION_CELL, ModelSpec, sampleSpecs } from '../../src/nasbench/index.ts';
import type { Operation } from '../../src/nasbench/operations.ts';
import { architectureNetwork, nasbenchNetwork } from '../../src/network/index.ts';
import { evaluateCell } from '../../src/nngp/evaluate-cell.ts';

const SMALL = { stemChannels: 8, stacks: 3, modulesPerStack: 1, imageSize: 32, classes: 10 };

/** The cell with vertex order[k] at position k. */
function renumbered(spec: ModelSpec, order: number[]) {
  return {
    matrix: order.map((i) => order.map((j) => spec.matrix[i]?.[j] ?? 0)),
    ops: order.map((i) => spec.ops[i] as Operation),
  };
}

// The Inception-like cell as DESIGN.md and the README write it, and as NAS-Bench-101 stores it
// (the database's row): one architecture, two numberings.
const written = new ModelSpec(
  INCEPTION_CELL.matrix.map((row) => [...row]),
  [...INCEPTION_CELL.ops],
);
const stored = written.canonical();

describe('an architecture has one network whatever its numbering', () => {
  it('two numberings of the Inception-like cell are two random networks to the literal builder', () => {
    expect(stored.matrix).not.toEqual(written.matrix);
    // Vertex k takes the k-th initialisation draw: renumbering moves weights between vertices.
    expect(nasbenchNetwork(stored.matrix, stored.ops, SMALL)).not.toEqual(
      nasbenchNetwork(written.matrix, written.ops, SMALL),
    );
    expect(architectureNetwork(written.matrix, written.ops, SMALL)).toEqual(
      nasbenchNetwork(stored.matrix, stored.ops, SMALL),
    );
  });

  it('every valid renumbering of 40 sampled cells builds the stored numbering’s network', () => {
    const random = createRandom(7);
    for (const spec of sampleSpecs(40, 3)) {
      const orders = [...topologicalOrders(spec.matrix)];
      const order = orders[Math.floor(random() * orders.length)] as number[];
      const cell = renumbered(spec, order);
      expect(new ModelSpec(cell.matrix, cell.ops).hash()).toBe(spec.hash());
      expect(architectureNetwork(cell.matrix, cell.ops, SMALL)).toEqual(
        nasbenchNetwork(spec.matrix, spec.ops, SMALL),
      );
    }
  });

  it('evaluates the written and the stored numbering to the same accuracies', async () => {
    const options = {
      nTrain: 60,
      nVal: 40,
      ensemble: 2,
      ...SMALL,
      engine: 'onnx' as const,
      bnBatchSize: 32,
    };
    const [a, b] = [
      await evaluateCell(
        { hash: written.hash(), matrix: written.matrix, ops: written.ops },
        options,
      ),
      await evaluateCell({ hash: stored.hash(), matrix: stored.matrix, ops: stored.ops }, options),
    ];
    expect(a.results[0]?.accuracies).toEqual(b.results[0]?.accuracies);
    expect(a.results[0]?.accuracy).toBeGreaterThan(0.1);
  }, 120_000);
});
