import path from 'node:path';
import type { Database, ExperimentConfig } from '@nngp-nas/db';
import * as tf from '@tensorflow/tfjs-core';
import type { NngpConfig } from '../nngp/configs.ts';
import type { EngineName } from '../nngp/evaluation-defaults.ts';
import { evaluatedHashes, saveEvaluation } from '../nngp/store/evaluations.ts';
import { ensureExperiment } from '../nngp/store/experiments.ts';
import { BASELINE, STEM_FILTERS } from './choices.ts';
import { evaluateMnas, loadMnasData } from './evaluate.ts';
import { sampleMnas } from './sample.ts';
import { upsertMnasNetworks } from './store/networks.ts';

export interface MnasExperimentOptions {
  /** The experiment's name: created when new, resumed when it exists with the same settings. */
  experiment: string;
  /** The first `count` networks of the seeded sample (sampleMnas). */
  count: number;
  seed: number;
  images: string;
  labels: 'all' | number;
  resolution: number;
  largest: NngpConfig;
  /** Smaller configurations derived from the largest's kernels. */
  configs: NngpConfig[];
  engine: EngineName;
  bnBatchSize: number;
  batchSize: number;
  onImages?: (done: number, total: number) => void;
  onNetwork?: (done: number, total: number) => void;
}

export interface MnasExperimentRun {
  experimentId: number;
  /** Networks evaluated now, and those the experiment had already. */
  evaluated: number;
  skipped: number;
}

/**
 * NNGP evaluation of the first `count` sampled MNAS networks into the experiment `experiment`:
 * the networks are stored (space 'mnas'), each one's results are saved as it is done (so an
 * interrupted run resumes where it stopped), and a rerun evaluates only what is missing.
 *
 * @example await runMnasEvaluation(database, { experiment: 'mnas-64px', count: 100, seed: 0, images: 'imagenet', labels: 100, resolution: 64, largest: { nTrain: 1000, nVal: 1000, ensemble: 2 }, configs: [], engine: 'onnx', bnBatchSize: 128, batchSize: 50 })
 */
export async function runMnasEvaluation(
  database: Database,
  options: MnasExperimentOptions,
): Promise<MnasExperimentRun> {
  const { largest } = options;
  const images = path.resolve(options.images);
  const config: ExperimentConfig = {
    space: 'mnas',
    mnas: { images, labels: options.labels, resolution: options.resolution },
    ...largest,
    seed: options.seed,
    stemChannels: STEM_FILTERS,
    stacks: BASELINE.length,
    modulesPerStack: 0,
    dataset: images,
    bnBatchSize: options.bnBatchSize,
    configs: options.configs,
    engine: options.engine,
  };
  const experiment = await ensureExperiment(
    database.pool,
    options.experiment,
    config,
    'none',
    'float32',
  );
  const specs = sampleMnas(options.count, options.seed);
  await upsertMnasNetworks(database.pool, specs);
  const done = await evaluatedHashes(database.pool, experiment.id, largest);
  const left = specs.filter((spec) => !done.has(spec.hash()));
  const run = { experimentId: experiment.id, evaluated: 0, skipped: specs.length - left.length };
  if (left.length === 0) return run;
  const data = await loadMnasData({
    images,
    ...largest,
    labels: options.labels,
    resolution: options.resolution,
    seed: options.seed,
    bnBatchSize: options.bnBatchSize,
    ...(options.onImages ? { onProgress: options.onImages } : {}),
  });
  const settings = {
    configs: [largest, ...options.configs],
    batchSize: options.batchSize,
    engine: options.engine,
  };
  await evaluateMnas(left, data, settings, async (evaluation) => {
    const backend = options.engine === 'onnx' ? 'cpu' : tf.getBackend();
    await saveEvaluation(database, experiment.id, evaluation, largest, {
      engine: options.engine,
      backend,
    });
    options.onNetwork?.(++run.evaluated, left.length);
  });
  return run;
}
