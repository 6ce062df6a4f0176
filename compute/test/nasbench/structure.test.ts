import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  inferenceFlops,
  ModelSpec,
  residualConnections,
  trainableParameters,
  vertexChannels,
} from '../../src/nasbench/index.ts';
import { fixtureModules, ZERO_COST_CSV } from '../support/fixtures.ts';
import { INCEPTION } from './cells.ts';

const PLAIN = {
  matrix: [
    [0, 1],
    [0, 0],
  ],
  ops: ['input', 'output'] as const,
};

describe('vertexChannels', () => {
  it('splits the output channels over the vertices feeding it (DESIGN.md test vectors)', () => {
    const fan = [
      [0, 1, 1, 1, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ];
    expect(vertexChannels(8, 8, fan)).toEqual([8, 3, 3, 2, 8]);
    const diamond = [
      [0, 1, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ];
    expect(vertexChannels(8, 15, diamond)).toEqual([8, 8, 7, 15]);
  });

  it('gives a vertex that does not feed the output the largest count of its successors', () => {
    const m = [
      [0, 1, 0, 0, 0],
      [0, 0, 1, 1, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ];
    expect(vertexChannels(4, 9, m)).toEqual([4, 5, 5, 4, 9]);
  });
});

describe('trainableParameters', () => {
  it('is 2,694,282 for the Inception-like cell', () => {
    expect(trainableParameters(INCEPTION.matrix, INCEPTION.ops as never)).toBe(
      INCEPTION.trainableParameters,
    );
  });

  it('matches a hand count for the input→output cell', () => {
    // stem 9·3·128+256; stack 1: 3×(128²+256); stack 2: 128·256+512, 2×(256²+512);
    // stack 3: 256·512+1024, 2×(512²+1024); dense 512·10+10.
    expect(trainableParameters(PLAIN.matrix, [...PLAIN.ops])).toBe(882_570);
  });

  it("equals the dataset's trainable_parameters for every fixture module", async () => {
    let checked = 0;
    for (const m of (await fixtureModules()).values()) {
      const spec = new ModelSpec(m.matrix, m.operations);
      expect(spec.trainableParameters()).toBe(m.trainableParameters);
      checked++;
    }
    expect(checked).toBe(10_302);
  });
});

describe('inferenceFlops (FLOPs = 2 × multiply-accumulates of convs and the dense head)', () => {
  it('matches a hand count for the input→output cell', () => {
    const macs =
      32 * 32 * 9 * 3 * 128 + // stem
      3 * 32 * 32 * 128 * 128 + // three 1x1 projections at 32x32
      16 * 16 * (128 * 256 + 2 * 256 * 256) + // at 16x16
      8 * 8 * (256 * 512 + 2 * 512 * 512) + // at 8x8
      512 * 10;
    expect(inferenceFlops(PLAIN.matrix, [...PLAIN.ops])).toBe(2 * macs);
  });

  it("is within 6% of NASLib's MAC counts (which also count batch norm and pooling)", async () => {
    const modules = await fixtureModules();
    const rows = readFileSync(ZERO_COST_CSV, 'utf8').trim().split('\n').slice(1);
    let compared = 0;
    for (const row of rows) {
      const [hash, flopsM] = row.split(',');
      const m = modules.get(hash as string);
      if (!m) continue;
      const ours = new ModelSpec(m.matrix, m.operations).flops() / 2;
      const ratio = ours / (Number(flopsM) * 1e6);
      expect(ratio).toBeGreaterThan(0.94);
      expect(ratio).toBeLessThanOrEqual(1);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe('residualConnections', () => {
  it('counts edges that skip at least one vertex in the stored numbering', () => {
    expect(
      residualConnections([
        [0, 1, 0],
        [0, 0, 1],
        [0, 0, 0],
      ]),
    ).toBe(0);
    expect(
      residualConnections([
        [0, 1, 1],
        [0, 0, 1],
        [0, 0, 0],
      ]),
    ).toBe(1);
    expect(new ModelSpec(INCEPTION.matrix, INCEPTION.ops).canonical().residualConnections()).toBe(
      6,
    );
  });
});
