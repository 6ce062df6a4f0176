/**
 * `pnpm bench` engine figures, side by side in one run: tfjs (wasm, one worker thread per core)
 * against ONNX Runtime (native CPU provider, one process, ORT's pool over every core), forward
 * GFLOP/s and seconds per architecture at the notebook configuration (100/200, M 2) at full width
 * and stem 16, numpy's float32 sgemm rate on the same machine as the yardstick, and the peak
 * resident memory of one full-width 500/200 M 4 evaluation on the onnx engine (in a child process).
 *
 *   tsx compute/bench/main.ts --engines    # only these figures
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { DEFAULT_SHAPE, INCEPTION_CELL, ModelSpec } from '../src/nasbench/index.ts';
import { forwardMacs, nasbenchNetwork } from '../src/network/index.ts';
import {
  FEATURES,
  foldBatchNorms,
  IMAGES,
  lowerGraph,
  onnxParameters,
  sessionOptions,
} from '../src/network/onnx/index.ts';
import {
  type ArchitectureEvaluation,
  type EvaluationSettings,
  evaluateArchitecture,
} from '../src/nngp/evaluate.ts';
import { loadNngpData, type NngpData } from '../src/nngp/nngp-data.ts';
import { EvaluationPool } from '../src/nngp/workers/pool.ts';
import type { Figure } from './figure.ts';

export const DATASET = [
  path.resolve(import.meta.dirname, '../../../shared/data/cifar10/data_batch_1_first4000.bin'),
];
export const INCEPTION = new ModelSpec(
  INCEPTION_CELL.matrix.map((row) => [...row]),
  [...INCEPTION_CELL.ops],
);
const cell = { hash: INCEPTION.hash(), matrix: INCEPTION.matrix, ops: [...INCEPTION.ops] };

/** numpy's float32 np.dot of 2048² matrices (best of 5), or why it could not be measured. */
export function numpySgemmGflops(): { gflops: number } | { skipped: string } {
  const script = [
    'import numpy as np, time',
    'a = np.random.rand(2048, 2048).astype(np.float32); b = np.random.rand(2048, 2048).astype(np.float32)',
    'np.dot(a, b); best = 1e9',
    'for _ in range(5):',
    '    t = time.perf_counter(); np.dot(a, b); best = min(best, time.perf_counter() - t)',
    'print(2 * 2048**3 / best / 1e9)',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  if (run.error) return { skipped: `python3 not runnable (${run.error.message})` };
  if (run.status !== 0)
    return { skipped: `numpy missing or failed: ${run.stderr.trim().split('\n').pop()}` };
  return { gflops: Number(run.stdout.trim()) };
}

/** Inference-mode forward passes alone on the onnx engine (batches of 50, folded batch norm). */
async function onnxForwardGflops(stemChannels: number): Promise<number> {
  const graph = nasbenchNetwork(INCEPTION.matrix, INCEPTION.ops, {
    ...DEFAULT_SHAPE,
    stemChannels,
  });
  const weights = foldBatchNorms(graph, await onnxParameters(graph, 1));
  const { bytes } = lowerGraph(graph, { mode: 'inference', weights });
  const session = await ort.InferenceSession.create(bytes, sessionOptions('cpu'));
  const n = 50;
  const x = new ort.Tensor('float32', new Float32Array(n * 32 * 32 * 3).fill(0.5), [n, 32, 32, 3]);
  try {
    (await session.run({ [IMAGES]: x }))[FEATURES]?.dispose();
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      (await session.run({ [IMAGES]: x }))[FEATURES]?.dispose();
      best = Math.min(best, (performance.now() - started) / 1000);
    }
    return (2 * forwardMacs(graph, graph.features) * n) / best / 1e9;
  } finally {
    await session.release();
  }
}

async function evaluateOn(
  engine: 'tfjs' | 'onnx',
  data: NngpData,
  settings: EvaluationSettings,
): Promise<ArchitectureEvaluation> {
  if (engine === 'onnx') return evaluateArchitecture(cell, data, null, { ...settings, engine });
  // tfjs: every core through worker threads, the two seeds on two workers at once.
  const pool = await EvaluationPool.start(Math.min(availableParallelism(), 2), {
    backend: undefined,
    data,
    settings,
  });
  try {
    return await pool.evaluate(cell);
  } finally {
    await pool.close();
  }
}

/** Peak RSS of `nngp`'s 500/200 M 4 full-width onnx evaluation, measured in a child process. */
function peakRssOnnx(): { mib: number; seconds: number; accuracy: number | null } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'engine-rss.ts')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`engine-rss.ts exited with ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string);
}

export async function benchEngines(report: (f: Figure) => void): Promise<void> {
  const sgemm = numpySgemmGflops();
  if ('skipped' in sgemm) process.stderr.write(`(numpy sgemm skipped: ${sgemm.skipped})\n`);
  else
    report({
      name: 'numpy float32 sgemm 2048² (all cores)',
      value: sgemm.gflops,
      unit: 'GFLOP/s',
    });
  const data = await loadNngpData({
    dataset: DATASET,
    nTrain: 100,
    nVal: 200,
    ensemble: 2,
    seed: 0,
    bnBatchSize: 128,
  });
  const perSecond: Record<string, number> = {};
  for (const stemChannels of [128, 16]) {
    report({
      name: `onnx cpu: forward, inference, stem ${stemChannels}`,
      value: await onnxForwardGflops(stemChannels),
      unit: 'GFLOP/s',
      note: `batches of 50, ${availableParallelism()} threads`,
    });
    const settings: EvaluationSettings = {
      shape: { ...DEFAULT_SHAPE, stemChannels },
      configs: [{ nTrain: 100, nVal: 200, ensemble: 2 }],
      batchSize: 50,
      retention: 'none',
      dtype: 'float32',
    };
    for (const engine of ['tfjs', 'onnx'] as const) {
      const e = await evaluateOn(engine, data, settings);
      perSecond[`${engine}${stemChannels}`] = e.flops / e.seconds / 1e9;
      report({
        name: `${engine}: Inception 100/200 M2, stem ${stemChannels}`,
        value: e.seconds,
        unit: 's/architecture',
        note: `${(e.flops / e.seconds / 1e9).toFixed(1)} GFLOP/s in kernel estimation, accuracy ${e.results[0]?.accuracy}, ${engine === 'tfjs' ? 'wasm, 2 workers' : 'cpu, 1 process'}`,
      });
    }
    const ratio =
      (perSecond[`onnx${stemChannels}`] as number) / (perSecond[`tfjs${stemChannels}`] as number);
    report({
      name: `  onnx / tfjs throughput, stem ${stemChannels}`,
      value: ratio,
      unit: '×',
      note: 'target ≥ 3 at full width',
    });
    if (stemChannels === 128 && 'gflops' in sgemm) {
      report({
        name: '  onnx full width / numpy sgemm',
        value: (100 * (perSecond.onnx128 as number)) / sgemm.gflops,
        unit: '%',
        note: 'target > 50 %',
      });
    }
  }
  const rss = peakRssOnnx();
  report({
    name: 'onnx: peak RSS, 500/200 M4 full width',
    value: rss.mib,
    unit: 'MiB',
    note: `${rss.seconds.toFixed(1)} s, accuracy ${rss.accuracy}, target < 4 GB`,
  });
}
