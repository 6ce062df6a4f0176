import type { Database, ExperimentConfig } from '@nngp-nas/db';
import { DEFAULT_SHAPE, type NetworkShape } from '../nasbench/structure.ts';
import type { BackendName } from '../network/tfjs/index.ts';
import { configsWithin, formatConfig, type NngpConfig } from './configs.ts';
import type { Retention } from './evaluate.ts';
import { loadNngpData } from './nngp-data.ts';
import type { KernelDtype } from './seed-kernel.ts';
import { ensureExperiment, evaluatedHashes, saveEvaluation } from './store/index.ts';
import { EvaluationPool } from './workers/pool.ts';
import type { Cell } from './workers/protocol.ts';

export interface RunEvaluationOptions {
  cells: Cell[];
  largest: NngpConfig;
  configs: NngpConfig[];
  seed: number;
  shape: Pick<NetworkShape, 'stemChannels' | 'stacks' | 'modulesPerStack'>;
  dataset: string | string[];
  backend: BackendName | undefined;
  workers: number;
  experiment: string | undefined;
  retention: Retention;
  precision: KernelDtype;
  bnBatchSize: number;
  batchSize: number;
  onStart?: (info: {
    experiment: string;
    pending: number;
    skipped: number;
    backend: string;
  }) => void;
  onArchitecture?: (info: {
    hash: string;
    done: number;
    seconds: number;
    kernelBytes: number;
  }) => void;
}

export interface RunEvaluationResult {
  experiment: string;
  evaluated: number;
  skipped: number;
  backend: string | null;
  kernelBytesPerArchitecture: number | null;
  /** Architectures whose evaluation threw; the others are stored. */
  failures: { hash: string; message: string }[];
}

/**
 * Evaluates `cells` under one experiment: skips those already stored for the largest
 * configuration (so an interrupted run resumes), spreads the rest over worker threads, and
 * stores each architecture's kernels and results as soon as it finishes.
 *
 * @example await runEvaluation(database, { cells, largest: { nTrain: 100, nVal: 200, ensemble: 2 }, … });
 */
export async function runEvaluation(
  database: Database,
  options: RunEvaluationOptions,
): Promise<RunEvaluationResult> {
  const { largest, seed, shape } = options;
  const configs = configsWithin(largest, options.configs);
  const datasetLabel = Array.isArray(options.dataset) ? options.dataset.join(',') : options.dataset;
  const config: ExperimentConfig = {
    ...largest,
    seed,
    stemChannels: shape.stemChannels,
    stacks: shape.stacks,
    modulesPerStack: shape.modulesPerStack,
    dataset: datasetLabel,
    bnBatchSize: options.bnBatchSize,
    configs,
  };
  const name =
    options.experiment ??
    `nngp-${formatConfig(largest)}-seed${seed}-stem${shape.stemChannels}${shape.stacks !== 3 || shape.modulesPerStack !== 3 ? `-${shape.stacks}x${shape.modulesPerStack}` : ''}`;
  const experiment = await ensureExperiment(
    database.pool,
    name,
    config,
    options.retention,
    options.precision,
  );
  const done = await evaluatedHashes(database.pool, experiment.id, largest);
  const pending = options.cells.filter((c) => !done.has(c.hash));
  const skipped = options.cells.length - pending.length;
  if (pending.length === 0) {
    options.onStart?.({ experiment: name, pending: 0, skipped, backend: '-' });
    return {
      experiment: name,
      evaluated: 0,
      skipped,
      backend: null,
      kernelBytesPerArchitecture: null,
      failures: [],
    };
  }

  const data = await loadNngpData({
    dataset: options.dataset,
    nTrain: largest.nTrain,
    nVal: largest.nVal,
    ensemble: largest.ensemble,
    seed,
    bnBatchSize: options.bnBatchSize,
  });
  const pool = await EvaluationPool.start(
    Math.min(options.workers, pending.length * largest.ensemble),
    {
      backend: options.backend,
      data,
      settings: {
        shape: { ...DEFAULT_SHAPE, ...shape },
        configs,
        batchSize: options.batchSize,
        retention: options.retention,
        dtype: options.precision,
      },
    },
  );
  options.onStart?.({ experiment: name, pending: pending.length, skipped, backend: pool.backend });
  let finished = 0;
  let kernelBytes = 0;
  const failures: RunEvaluationResult['failures'] = [];
  try {
    await Promise.all(
      pending.map(async (cell) => {
        try {
          const evaluation = await pool.evaluate(cell);
          const bytes = await saveEvaluation(database, experiment.id, evaluation, largest, {
            engine: 'tfjs',
            backend: pool.backend,
          });
          kernelBytes += bytes;
          finished++;
          options.onArchitecture?.({
            hash: cell.hash,
            done: finished,
            seconds: evaluation.seconds,
            kernelBytes: bytes,
          });
        } catch (error) {
          failures.push({
            hash: cell.hash,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
  } finally {
    await pool.close();
  }
  return {
    experiment: name,
    evaluated: finished,
    skipped,
    backend: pool.backend,
    kernelBytesPerArchitecture: finished > 0 ? kernelBytes / finished : null,
    failures,
  };
}
