import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHAPE,
  inferenceFlops,
  ModelSpec,
  trainableParameters,
} from '../../src/nasbench/index.ts';
import { forwardMacs, nasbenchNetwork, trainableParameterCount } from '../../src/network/index.ts';
import { INCEPTION } from '../nasbench/cells.ts';
import { fixtureModules, seededRandom } from '../support/fixtures.ts';

describe('nasbenchNetwork', () => {
  it('builds the Inception-like network with 2,694,282 trainable parameters and a 512-d feature', () => {
    const spec = new ModelSpec(INCEPTION.matrix, INCEPTION.ops);
    const graph = nasbenchNetwork(spec.matrix, spec.ops, DEFAULT_SHAPE, { head: true });
    expect(trainableParameterCount(graph)).toBe(INCEPTION.trainableParameters);
    expect(graph.nodes[graph.features]?.channels).toBe(512);
    expect(graph.nodes[graph.output]?.channels).toBe(10);
  });

  it('counts exactly what the search-space code counts, for 300 fixture cells and other widths and depths', async () => {
    const random = seededRandom(3);
    const modules = [...(await fixtureModules()).values()];
    const shapes = [
      DEFAULT_SHAPE,
      { ...DEFAULT_SHAPE, stemChannels: 16 },
      { ...DEFAULT_SHAPE, stacks: 2, modulesPerStack: 1 },
    ];
    for (let trial = 0; trial < 300; trial++) {
      const m = modules[Math.floor(random() * modules.length)] as (typeof modules)[number];
      const spec = new ModelSpec(m.matrix, m.operations);
      const shape = shapes[trial % shapes.length] ?? DEFAULT_SHAPE;
      const graph = nasbenchNetwork(spec.matrix, spec.ops, shape, { head: true });
      expect(trainableParameterCount(graph)).toBe(
        trainableParameters(spec.matrix, spec.ops, shape),
      );
      expect(2 * forwardMacs(graph)).toBe(inferenceFlops(spec.matrix, spec.ops, shape));
      if (shape === DEFAULT_SHAPE)
        expect(trainableParameterCount(graph)).toBe(m.trainableParameters);
    }
  });

  it('wires truncation, projections and concatenation as NAS-Bench-101 does', () => {
    // input→1, input→2, 1→2, 1→out, 2→out: vertex 2 sums a truncated vertex 1 and a projection.
    const matrix = [
      [0, 1, 1, 0],
      [0, 0, 1, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ];
    const spec = new ModelSpec(matrix, ['input', 'conv3x3-bn-relu', 'maxpool3x3', 'output']);
    const graph = nasbenchNetwork(spec.matrix, spec.ops, {
      ...DEFAULT_SHAPE,
      stemChannels: 9,
      stacks: 1,
      modulesPerStack: 1,
    });
    const kinds = graph.nodes.map((n) => n.kind);
    // 9 channels over 2 output vertices: vertex 1 gets 5, vertex 2 gets 4 (truncated from 5).
    const truncate = graph.nodes.find((n) => n.kind === 'truncate');
    expect(truncate?.channels).toBe(4);
    expect(kinds.filter((k) => k === 'concat')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'maxpool')).toHaveLength(1);
    expect(graph.nodes[graph.features]?.channels).toBe(9);
  });
});
