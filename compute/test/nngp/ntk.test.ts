import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHAPE, ModelSpec } from '../../src/nasbench/index.ts';
import { architectureNetwork, GraphBuilder } from '../../src/network/index.ts';
import {
  disposeParameters,
  parameterBlocks,
  perSampleGradients,
  startBackend,
} from '../../src/network/tfjs/index.ts';
import { calibratedParameters } from '../../src/nngp/kernel-estimation.ts';
import { estimateSeedNtk } from '../../src/nngp/ntk-estimation.ts';
import { INCEPTION as CELL } from '../nasbench/cells.ts';

const INCEPTION = new ModelSpec(CELL.matrix, CELL.ops);

/** Analytic NNGP and NTK of a deep ReLU network by numerical integration (fixtures/ntk-relu.py). */
const REFERENCE = JSON.parse(
  readFileSync(new URL('./fixtures/ntk-relu.json', import.meta.url), 'utf8'),
) as {
  weightVariance: number;
  biasVariance: number;
  x1: number[];
  x2: number[];
  layers: { hiddenLayers: number; ntk: { k11: number; k12: number; k22: number } }[];
};

type Entries = { k11: number; k12: number; k22: number };

/** The NTK recursion Θ′ = Θ·Σ̇′ + Σ′ in closed form (arc-cosine kernels of degree 0 and 1). */
function analyticNtk(hiddenLayers: number): Entries {
  const { weightVariance: w, biasVariance: b, x1, x2 } = REFERENCE;
  const dot = (p: number[], q: number[]) => p.reduce((s, v, i) => s + v * (q[i] as number), 0);
  let s = {
    k11: b + (w * dot(x1, x1)) / 3,
    k12: b + (w * dot(x1, x2)) / 3,
    k22: b + (w * dot(x2, x2)) / 3,
  };
  let theta = { ...s };
  for (let l = 0; l < hiddenLayers; l++) {
    const norm = Math.sqrt(s.k11 * s.k22);
    const angle = Math.acos(Math.min(1, s.k12 / norm));
    const next = {
      k11: b + (w * s.k11) / 2,
      k12: b + (w / (2 * Math.PI)) * norm * (Math.sin(angle) + (Math.PI - angle) * Math.cos(angle)),
      k22: b + (w * s.k22) / 2,
    };
    const derivative = { k11: w / 2, k12: (w * (Math.PI - angle)) / (2 * Math.PI), k22: w / 2 };
    theta = {
      k11: theta.k11 * derivative.k11 + next.k11,
      k12: theta.k12 * derivative.k12 + next.k12,
      k22: theta.k22 * derivative.k22 + next.k22,
    };
    s = next;
  }
  return theta;
}

/** Per-seed empirical NTKs of the NTK-parameterised ReLU network, through estimateSeedNtk. */
async function empiricalNtk(
  hiddenLayers: number,
  width: number,
  seeds: number,
): Promise<Entries[]> {
  const { weightVariance, biasVariance, x1, x2 } = REFERENCE;
  const g = new GraphBuilder(0);
  let h = g.input(3);
  const gaussian = { weightVariance, biasVariance, parameterisation: 'ntk' as const };
  for (let l = 0; l < hiddenLayers; l++) h = g.relu(g.dense(h, width, `layer${l}`, gaussian));
  const graph = g.finish(h, g.dense(h, 1, 'readout', gaussian));
  const images = tf.tensor2d([x1, x2]) as unknown as tf.Tensor4D;
  const out: Entries[] = [];
  for (let s = 0; s < seeds; s++) {
    const request = { images, nTrain: 2, nVal: 0, bnBatch: [0], seed: 500 + s, batchSize: 2 };
    const { kernel } = await estimateSeedNtk(graph, request);
    const k = kernel.kTrainTrain;
    out.push({ k11: k[0] as number, k12: k[1] as number, k22: k[3] as number });
  }
  images.dispose();
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('empirical NTK', () => {
  it('closed-form recursion equals the numerically integrated reference (scipy)', () => {
    for (const layer of REFERENCE.layers) {
      const exact = analyticNtk(layer.hiddenLayers);
      for (const key of ['k11', 'k12', 'k22'] as const)
        expect(exact[key]).toBeCloseTo(layer.ntk[key], 7);
    }
  });

  describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
    it.each([1, 2])(
      'of a wide NTK-parameterised ReLU network converges to the analytic NTK (%i hidden layers)',
      async (layers) => {
        expect(await startBackend(backend)).toBe(backend);
        const exact = REFERENCE.layers[layers - 1]?.ntk as Entries;
        const coarse = await empiricalNtk(layers, 32, 8);
        const fine = await empiricalNtk(layers, 2048, 8);
        for (const key of ['k11', 'k12', 'k22'] as const) {
          const values = fine.map((e) => e[key]);
          const m = mean(values);
          const se = Math.sqrt(mean(values.map((v) => (v - m) ** 2)) / (values.length - 1));
          // The fluctuation of the empirical NTK falls as 1/√width (and grows with depth): at 2,048
          // units one seed is within about 6 %, and the mean of eight within four standard errors.
          expect(se / exact[key]).toBeLessThan(0.03);
          expect(Math.abs(m - exact[key])).toBeLessThan(4 * se + 1e-3 * exact[key]);
        }
        const error = (es: Entries[]) =>
          Math.abs(mean(es.map((e) => e.k12)) - exact.k12) +
          Math.abs(mean(es.map((e) => e.k11)) - exact.k11);
        const spread = (es: Entries[]) => Math.max(...es.map((e) => Math.abs(e.k12 - exact.k12)));
        expect(spread(fine)).toBeLessThan(spread(coarse));
        expect(error(fine)).toBeLessThan(error(coarse) + 0.01);
      },
      240_000,
    );

    it('of a NAS-Bench-101 network: the Gram of its per-sample gradients, whatever the grouping, without leaking tensors', async () => {
      await startBackend(backend);
      const shape = { ...DEFAULT_SHAPE, stemChannels: 4, stacks: 2, modulesPerStack: 1 };
      const graph = architectureNetwork(INCEPTION.matrix, INCEPTION.ops, shape, { head: true });
      const images = tf.randomNormal([7, 32, 32, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
      const request = { images, nTrain: 4, nVal: 3, bnBatch: [0, 1, 2, 3], seed: 6, batchSize: 7 };
      const before = tf.memory().numTensors;
      const whole = await estimateSeedNtk(graph, { ...request, groupBytes: 2 ** 30 });
      // Groups of 1,000 bytes (35 parameters per group): hundreds of groups, batches of 2 images.
      const pieces = await estimateSeedNtk(graph, { ...request, groupBytes: 1000, batchSize: 2 });
      expect(tf.memory().numTensors).toBe(before);
      expect(pieces.flops).toBeGreaterThan(whole.flops);

      const params = calibratedParameters(graph, images, request.bnBatch, request.seed);
      const rows = perSampleGradients(graph, params, images, parameterBlocks(graph, 1 << 30));
      const gram = tf.tidy(() => tf.matMul(rows, rows, false, true).arraySync() as number[][]);
      rows.dispose();
      disposeParameters(params);
      images.dispose();
      for (const { kernel } of [whole, pieces]) {
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            const expected = gram[i]?.[j] as number;
            expect(Math.abs((kernel.kTrainTrain[i * 4 + j] as number) - expected)).toBeLessThan(
              1e-4 * Math.abs(gram[0]?.[0] as number),
            );
          }
          for (let v = 0; v < 3; v++) {
            const expected = gram[4 + v]?.[i] as number;
            expect(Math.abs((kernel.kValTrain[v * 4 + i] as number) - expected)).toBeLessThan(
              1e-4 * Math.abs(gram[0]?.[0] as number),
            );
          }
        }
      }
    }, 60_000);
  });
});
