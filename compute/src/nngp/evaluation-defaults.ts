import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { downloadsDir, SHARED_DATA } from '../nasbench/data-files.ts';

/** Engines that run the network: TensorFlow.js, or ONNX Runtime (native). */
export const ENGINES = ['tfjs', 'onnx'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * Settings of an evaluation that `nngp evaluate` and the API's createExperiment leave to a
 * default, so an experiment made either way has the same configuration.
 */
export const EVALUATION_DEFAULTS = {
  seed: 0,
  /** The paper's stem width. */
  stemChannels: 128,
  stacks: 3,
  modulesPerStack: 3,
  /** Images in the training-mode pass that sets batch-norm statistics. */
  bnBatchSize: 128,
  /** Images per forward batch. */
  batchSize: 50,
  retention: 'all',
  precision: 'float32',
  /**
   * ONNX Runtime: on this repository's 2-core reference machine its native CPU provider ran the
   * 100/200 M 2 full-width evaluation several times faster than tfjs-wasm on two worker threads
   * (README, "Engines").
   */
  engine: 'onnx' as EngineName,
} as const;

/**
 * The CIFAR-10 training batches evaluations use by default: the full set when downloaded
 * (`nngp download cifar10`), else the shared 4,000-image subset.
 *
 * @example await loadNngpData({ dataset: defaultEvaluationDataset(), nTrain: 100, … })
 */
export function defaultEvaluationDataset(): string | string[] {
  const downloaded = join(downloadsDir(), 'cifar-10-batches-bin');
  if (existsSync(join(downloaded, 'data_batch_1.bin'))) return downloaded;
  return [join(SHARED_DATA, 'cifar10/data_batch_1_first4000.bin')];
}
