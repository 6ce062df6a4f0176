import type { Database, ExperimentConfig, KernelKind } from '@nngp-nas/db';
import { DEFAULT_SHAPE, type NetworkShape } from '../nasbench/structure.ts';
import {
  checkProvider,
  ONNX_PROVIDERS,
  type OnnxProvider,
  ProviderError,
} from '../network/onnx/index.ts';
import { BACKENDS, type BackendName } from '../network/tfjs/index.ts';
import { configsWithin, formatConfig, type NngpConfig } from './configs.ts';
import {
  type ArchitectureEvaluation,
  type EvaluationSettings,
  evaluateArchitecture,
  type Retention,
} from './evaluate.ts';
import { type EngineName, EVALUATION_DEFAULTS } from './evaluation-defaults.ts';
import { loadNngpData, type NngpData, type NngpDataOptions } from './nngp-data.ts';
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
  /** Default EVALUATION_DEFAULTS.engine. */
  engine?: EngineName;
  /** Kernels to estimate (default ['nngp']); the NTK runs on TensorFlow.js whatever the engine. */
  kernels?: KernelKind[];
  /**
   * tfjs: a BACKENDS name (default: the first that starts); onnx: an ONNX_PROVIDERS name
   * (default 'cpu').
   */
  backend: BackendName | OnnxProvider | undefined;
  /** tfjs worker threads; the onnx engine runs in-process on ORT's own pool of every core. */
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
    engine: EngineName;
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
  engine: EngineName;
  backend: string | null;
  kernelBytesPerArchitecture: number | null;
  /** Architectures whose evaluation threw; the others are stored. */
  failures: { hash: string; message: string }[];
}

/**
 * Evaluates `cells` under one experiment: skips those already stored for the largest
 * configuration (so an interrupted run resumes), runs the rest (engine tfjs: spread over worker
 * threads; onnx: in this process, one architecture at a time on ORT's pool of every core), and
 * stores each architecture's kernels and results, with its engine and backend, as it finishes.
 *
 * @example await runEvaluation(database, { cells, largest: { nTrain: 100, nVal: 200, ensemble: 2 }, … });
 */
export async function runEvaluation(
  database: Database,
  options: RunEvaluationOptions,
): Promise<RunEvaluationResult> {
  const { largest, seed, shape } = options;
  const engine = options.engine ?? EVALUATION_DEFAULTS.engine;
  const kernels = options.kernels ?? ['nngp'];
  const backendChoices: readonly string[] = engine === 'onnx' ? ONNX_PROVIDERS : BACKENDS;
  if (options.backend !== undefined && !backendChoices.includes(options.backend)) {
    throw new ProviderError(
      `engine ${engine} has no backend '${options.backend}' (choose from ${backendChoices.join(', ')})`,
    );
  }
  const provider = (options.backend as OnnxProvider | undefined) ?? 'cpu';
  // Before anything is stored: a provider that cannot load fails the run, naming what to install.
  if (engine === 'onnx') await checkProvider(provider);
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
    engine,
    ...(kernels.includes('ntk') ? { kernels } : {}),
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
  const done = await evaluatedHashes(database.pool, experiment.id, largest, kernels);
  const pending = options.cells.filter((c) => !done.has(c.hash));
  const skipped = options.cells.length - pending.length;
  if (pending.length === 0) {
    options.onStart?.({ experiment: name, pending: 0, skipped, backend: '-', engine });
    return {
      experiment: name,
      evaluated: 0,
      skipped,
      engine,
      backend: null,
      kernelBytesPerArchitecture: null,
      failures: [],
    };
  }

  const data = await experimentData({
    dataset: options.dataset,
    nTrain: largest.nTrain,
    nVal: largest.nVal,
    ensemble: largest.ensemble,
    seed,
    bnBatchSize: options.bnBatchSize,
  });
  const settings: EvaluationSettings = {
    shape: { ...DEFAULT_SHAPE, ...shape },
    configs,
    batchSize: options.batchSize,
    retention: options.retention,
    dtype: options.precision,
    engine,
    kernels,
  };
  const pool: Evaluator =
    engine === 'onnx'
      ? inProcess(data, settings, provider)
      : await EvaluationPool.start(Math.min(options.workers, pending.length * largest.ensemble), {
          backend: options.backend as BackendName | undefined,
          data,
          settings,
        });
  options.onStart?.({
    experiment: name,
    pending: pending.length,
    skipped,
    backend: pool.backend,
    engine,
  });
  let finished = 0;
  let kernelBytes = 0;
  const failures: RunEvaluationResult['failures'] = [];
  try {
    await Promise.all(
      pending.map(async (cell) => {
        try {
          const evaluation = await pool.evaluate(cell);
          const bytes = await saveEvaluation(database, experiment.id, evaluation, largest, {
            engine,
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
    engine,
    backend: pool.backend,
    kernelBytesPerArchitecture: finished > 0 ? kernelBytes / finished : null,
    failures,
  };
}

// The last experiment's data, kept: a queue worker runs one architecture per job, mostly of one
// experiment, and reading and standardising the images took a tenth of a reduced-width job.
let lastData: { key: string; data: Promise<NngpData> } | null = null;

function experimentData(options: NngpDataOptions): Promise<NngpData> {
  const key = JSON.stringify(options);
  if (lastData?.key !== key) {
    const data = loadNngpData(options);
    lastData = { key, data };
    data.catch(() => {
      if (lastData?.key === key) lastData = null;
    });
  }
  return lastData.data;
}

/** What runs the architectures: tfjs worker threads, or the onnx engine in this process. */
interface Evaluator {
  backend: string;
  evaluate(cell: Cell): Promise<ArchitectureEvaluation>;
  close(): Promise<void>;
}

// Every onnx evaluation in this process, in order: concurrent runs (e.g. a worker with
// --concurrency 2) then share one ORT pool's worth of threads instead of multiplying them.
let onnxQueue: Promise<unknown> = Promise.resolve();

/**
 * The onnx engine in this process, one architecture at a time (ORT's pool uses every core; more
 * architectures at once would only multiply threads).
 */
function inProcess(
  data: NngpData,
  settings: EvaluationSettings,
  provider: OnnxProvider,
): Evaluator {
  let last: Promise<unknown> = Promise.resolve();
  return {
    backend: provider,
    evaluate(cell) {
      const next = onnxQueue.then(() =>
        evaluateArchitecture(cell, data, null, { ...settings, provider }),
      );
      onnxQueue = next.catch(() => undefined);
      last = onnxQueue;
      return next;
    },
    close: async () => {
      await last;
    },
  };
}
