import path from 'node:path';
import type { Database, ExperimentConfig } from '@nngp-nas/db';
import * as tf from '@tensorflow/tfjs-core';
import { evaluatedHashes, saveEvaluation } from '../nngp/store/evaluations.ts';
import { ensureExperiment } from '../nngp/store/experiments.ts';
import { BASELINE, STEM_FILTERS } from './choices.ts';
import {
  type MnasRunCounts,
  type MnasRunOptions,
  resumeMnasEvaluation,
} from './resume-evaluation.ts';
import { sampleMnas } from './sample.ts';
import { upsertMnasNetworks } from './store/networks.ts';

export interface MnasExperimentOptions extends MnasRunOptions {
  /** The experiment's name: created when new, resumed when it exists with the same settings. */
  experiment: string;
  /** The first `count` networks of the seeded sample (sampleMnas). */
  count: number;
}

export interface MnasExperimentRun extends MnasRunCounts {
  experimentId: number;
}

/**
 * NNGP evaluation of the first `count` sampled MNAS networks into the experiment `experiment`:
 * the networks are stored (space 'mnas'), and resumeMnasEvaluation saves each one's results as
 * it is done, so a rerun evaluates only what is missing.
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
  const backend = () => (options.engine === 'onnx' ? 'cpu' : tf.getBackend());
  const counts = await resumeMnasEvaluation(
    specs,
    {
      evaluated: () => evaluatedHashes(database.pool, experiment.id, largest),
      save: async (evaluation) => {
        await saveEvaluation(database, experiment.id, evaluation, largest, {
          engine: options.engine,
          backend: backend(),
        });
      },
    },
    { ...options, images },
  );
  return { experimentId: experiment.id, ...counts };
}
