/** NNGP engine figures for `pnpm bench`: forward-pass and matmul GFLOP/s, seconds per architecture, worker scaling. */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_SHAPE, INCEPTION_CELL, ModelSpec, sampleSpecs } from '../src/nasbench/index.ts';
import { forwardMacs, nasbenchNetwork } from '../src/network/index.ts';
import {
  disposeParameters,
  initialiseParameters,
  runGraph,
  startBackend,
} from '../src/network/tfjs/index.ts';
import type { EvaluationSettings } from '../src/nngp/evaluate.ts';
import { evaluateCell } from '../src/nngp/evaluate-cell.ts';
import { EVALUATION_DEFAULTS } from '../src/nngp/evaluation-defaults.ts';
import { loadNngpData } from '../src/nngp/nngp-data.ts';
import { EvaluationPool } from '../src/nngp/workers/pool.ts';
import type { Figure } from './figure.ts';

const DATASET = [
  path.resolve(import.meta.dirname, '../../../shared/data/cifar10/data_batch_1_first4000.bin'),
];
const INCEPTION = new ModelSpec(
  INCEPTION_CELL.matrix.map((row) => [...row]),
  [...INCEPTION_CELL.ops],
);

function matmulGflops(): number {
  const n = 1024;
  const [a, b] = [tf.randomNormal([n, n]), tf.randomNormal([n, n])];
  tf.matMul(a, b).dispose();
  const reps = 5;
  const started = performance.now();
  for (let i = 0; i < reps; i++) tf.matMul(a, b).dataSync(); // cpu/wasm: synchronous reads are fine
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([a, b]);
  return (2 * n ** 3 * reps) / seconds / 1e9;
}

/** Forward passes alone (batches of 50) of the full-width Inception-like network. */
async function forwardGflops(mode: 'inference' | 'training'): Promise<number> {
  const graph = nasbenchNetwork(INCEPTION.matrix, INCEPTION.ops, DEFAULT_SHAPE);
  const params = initialiseParameters(graph, 1);
  const x = tf.randomNormal([50, 32, 32, 3]);
  runGraph(graph, params, x, mode, graph.features).dispose();
  const started = performance.now();
  for (let i = 0; i < 3; i++) {
    const features = runGraph(graph, params, x, mode, graph.features);
    await features.data();
    features.dispose();
  }
  const seconds = (performance.now() - started) / 1000;
  x.dispose();
  disposeParameters(params);
  return (2 * forwardMacs(graph, graph.features) * 50 * 3) / seconds / 1e9;
}

export async function benchNngp(report: (f: Figure) => void): Promise<void> {
  const backend = await startBackend();
  report({
    name: `tfjs ${backend}: float32 matmul 1024³ (one thread)`,
    value: matmulGflops(),
    unit: 'GFLOP/s',
  });
  report({
    name: 'forward pass, inference mode (fused), full width',
    value: await forwardGflops('inference'),
    unit: 'GFLOP/s',
    note: 'batches of 50',
  });
  report({
    name: 'forward pass, training mode (batch statistics)',
    value: await forwardGflops('training'),
    unit: 'GFLOP/s',
    note: 'batches of 50',
  });
  const cell = { hash: INCEPTION.hash(), matrix: INCEPTION.matrix, ops: [...INCEPTION.ops] };
  for (const stemChannels of [128, 16]) {
    const options = {
      nTrain: 100,
      nVal: 200,
      ensemble: 2,
      stemChannels,
      dataset: DATASET,
      engine: 'tfjs' as const,
    };
    if (stemChannels === 16) await evaluateCell(cell, options); // warm-up
    const e = await evaluateCell(cell, options);
    report({
      name: `Inception cell, 100/200 M2, stem ${stemChannels}: time`,
      value: e.seconds,
      unit: 's/architecture',
      note: `one worker, ${backend}`,
    });
    report({
      name: `  forward passes inside kernel estimation`,
      value: e.flops / e.seconds / 1e9,
      unit: 'GFLOP/s',
    });
  }

  // Throughput with 1 worker against one worker per core, on the same 6 sampled cells at stem 16.
  const data = await loadNngpData({
    dataset: DATASET,
    nTrain: 100,
    nVal: 200,
    ensemble: 2,
    seed: EVALUATION_DEFAULTS.seed,
    bnBatchSize: EVALUATION_DEFAULTS.bnBatchSize,
  });
  const cells = sampleSpecs(6, 1).map((s) => ({
    hash: s.hash(),
    matrix: s.matrix,
    ops: [...s.ops],
  }));
  const settings: EvaluationSettings = {
    shape: { ...DEFAULT_SHAPE, stemChannels: 16 },
    configs: [{ nTrain: 100, nVal: 200, ensemble: 2 }],
    batchSize: 50,
    retention: 'none',
    dtype: 'float32',
  };
  const throughput: number[] = [];
  for (const workers of [1, availableParallelism()]) {
    const pool = await EvaluationPool.start(workers, { backend, data, settings });
    await pool.evaluate(cells[0] as (typeof cells)[number]); // warm-up per worker
    const started = performance.now();
    await Promise.all(cells.map((c) => pool.evaluate(c)));
    const seconds = (performance.now() - started) / 1000;
    await pool.close();
    throughput.push(cells.length / seconds);
    report({
      name: `throughput with ${workers} worker(s), stem 16`,
      value: cells.length / seconds,
      unit: 'architectures/s',
    });
  }
  report({
    name: 'scaling: many workers / one worker',
    value: (throughput[1] as number) / (throughput[0] as number),
    unit: '×',
    note: `${availableParallelism()} cores`,
  });
}
