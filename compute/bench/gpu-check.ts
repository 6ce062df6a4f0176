/**
 * One short check of a GPU backend (run on the GPU machine as a bundle, see scripts/gpu-bundle.sh):
 * the backend's kernel against the cpu backend's on a small network, its matmul and forward-pass
 * speed at full width, and the NNGP accuracy of the Inception-like cell at 500/200, M = 4 (to
 * compare with the same run on the CPU). Then the same for the ONNX Runtime engine on each
 * provider of `--onnx` (default cuda,webgpu; 'none' skips): its kernel against tfjs's, forward
 * GFLOP/s and seconds per architecture at 100/200 M 2 full width, so one run compares the two
 * engines. Prints one JSON object.
 *
 *   tsx compute/bench/gpu-check.ts --backend wasm --onnx cpu --dataset ../shared/data/cifar10/data_batch_1_first4000.bin
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_SHAPE, INCEPTION_CELL, ModelSpec } from '../src/nasbench/index.ts';
import { architectureNetwork } from '../src/network/index.ts';
import {
  checkProvider,
  OnnxFeatureEngine,
  type OnnxProvider,
  ProviderError,
} from '../src/network/onnx/index.ts';
import { type BackendName, startBackend } from '../src/network/tfjs/index.ts';
import { evaluateCell } from '../src/nngp/evaluate-cell.ts';
import { estimateSeedKernel, estimateSeedKernelOnnx } from '../src/nngp/kernel-estimation.ts';
import { loadNngpData } from '../src/nngp/nngp-data.ts';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'webgpu' },
    dataset: { type: 'string' },
    skipReference: { type: 'boolean' },
    // Skips step 3 (500/200 M 4 on the tfjs backend): minutes on a CPU backend.
    skipFull: { type: 'boolean' },
    onnx: { type: 'string', default: 'cuda,webgpu' },
  },
});
const backendName = values.backend as BackendName;
const dataset = values.dataset ?? '../shared/data/cifar10/data_batch_1_first4000.bin';
const spec = new ModelSpec(
  INCEPTION_CELL.matrix.map((row) => [...row]),
  [...INCEPTION_CELL.ops],
);
const cell = { hash: spec.hash(), matrix: spec.matrix, ops: [...spec.ops] };
const report: Record<string, unknown> = { backend: backendName };
const log = (line: string) => process.stderr.write(`${line}\n`);

// 1. Same kernel as the cpu backend on a small network (stem 16), same seed and images.
const small = architectureNetwork(spec.matrix, spec.ops, { ...DEFAULT_SHAPE, stemChannels: 16 });
const smallData = await loadNngpData({
  dataset: [dataset],
  nTrain: 20,
  nVal: 10,
  ensemble: 1,
  seed: 0,
  bnBatchSize: 20,
});
const kernelOn = async (name: BackendName) => {
  await startBackend(name);
  const images = tf.tensor4d(smallData.images, [30, 32, 32, 3]);
  const seed = smallData.seeds[0] as { init: number; bnBatch: number[] };
  const { kernel } = await estimateSeedKernel(small, {
    images,
    nTrain: 20,
    nVal: 10,
    bnBatch: seed.bnBatch,
    seed: seed.init,
    batchSize: 10,
  });
  images.dispose();
  return kernel.kTrainTrain;
};
let reference: Float32Array | undefined;
if (!values.skipReference) {
  reference = await kernelOn('cpu');
  const candidate = await kernelOn(backendName);
  let diff = 0;
  let norm = 0;
  reference.forEach((r, i) => {
    diff += (r - (candidate[i] as number)) ** 2;
    norm += r * r;
  });
  report.smallKernelRelativeDifferenceVsCpu = Math.sqrt(diff / norm);
  log(`kernel vs cpu: relative difference ${report.smallKernelRelativeDifferenceVsCpu}`);
} else {
  await startBackend(backendName);
}

// 2. Matmul and forward-pass speed at full width.
const n = 2048;
const [a, b] = [tf.randomNormal([n, n]), tf.randomNormal([n, n])];
await tf.matMul(a, b).data();
const started = performance.now();
for (let i = 0; i < 5; i++) await tf.matMul(a, b).data();
report.matmulGflops = (2 * n ** 3 * 5) / ((performance.now() - started) / 1000) / 1e9;
tf.dispose([a, b]);
log(`matmul ${n}³: ${report.matmulGflops} GFLOP/s`);

// 2b. The notebook configuration at full width, timed after a warm-up (shader compilation).
const notebookConfig = { nTrain: 100, nVal: 200, ensemble: 2, dataset, engine: 'tfjs' as const };
await evaluateCell(cell, notebookConfig);
const e = await evaluateCell(cell, notebookConfig);
report.notebookSecondsPerArchitecture = e.seconds;
report.forwardGflops = e.flops / e.seconds / 1e9;
log(
  `100/200 M2 full width: ${report.notebookSecondsPerArchitecture} s, forward ${report.forwardGflops} GFLOP/s`,
);

// 3. NNGP accuracy at 500/200, M = 4, on `nngp evaluate`'s path: the CLI gives the same figure.
if (!values.skipFull) {
  const full = await evaluateCell(cell, {
    nTrain: 500,
    nVal: 200,
    ensemble: 4,
    dataset,
    engine: 'tfjs',
  });
  const result = full.results[0];
  report.accuracy500x200x4 = result?.accuracy;
  report.accuracies500x200x4 = result?.accuracies;
  report.seconds500x200x4 = full.seconds;
  log(`500/200 M4: accuracy ${report.accuracy500x200x4} in ${report.seconds500x200x4} s`);
}

// 4. The ONNX Runtime engine on each requested provider: same kernel, its speed at 100/200 M2.
const relativeDifference = (a: Float32Array, b: Float32Array) => {
  let diff = 0;
  let norm = 0;
  a.forEach((r, i) => {
    diff += (r - (b[i] as number)) ** 2;
    norm += r * r;
  });
  return Math.sqrt(diff / norm);
};
const providers = values.onnx === 'none' ? [] : (values.onnx.split(',') as OnnxProvider[]);
for (const provider of providers) {
  const key = `onnx-${provider}`;
  try {
    await checkProvider(provider);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    report[key] = { unavailable: error.message };
    log(`${key}: ${error.message}`);
    continue;
  }
  const seed = smallData.seeds[0] as { init: number; bnBatch: number[] };
  const small = new OnnxFeatureEngine(
    architectureNetwork(spec.matrix, spec.ops, { ...DEFAULT_SHAPE, stemChannels: 16 }),
    provider,
  );
  const { kernel } = await estimateSeedKernelOnnx(small, {
    images: smallData.images,
    nTrain: 20,
    nVal: 10,
    bnBatch: seed.bnBatch,
    seed: seed.init,
    batchSize: 10,
  });
  await small.release();
  const onnxConfig = { ...notebookConfig, engine: 'onnx' as const, provider };
  await evaluateCell(cell, onnxConfig); // warm-up
  const timed = await evaluateCell(cell, onnxConfig);
  report[key] = {
    smallKernelRelativeDifferenceVsTfjsCpu:
      reference === undefined ? null : relativeDifference(reference, kernel.kTrainTrain),
    notebookSecondsPerArchitecture: timed.seconds,
    forwardGflops: timed.flops / timed.seconds / 1e9,
    accuracy100x200x2: timed.results[0]?.accuracy,
  };
  log(`${key}: ${JSON.stringify(report[key])}`);
}
process.stdout.write(`${JSON.stringify(report)}\n`);
