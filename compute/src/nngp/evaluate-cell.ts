import type { KernelKind } from '@nngp-nas/db';
import type { Matrix } from '../nasbench/matrix.ts';
import type { Operation } from '../nasbench/operations.ts';
import { DEFAULT_SHAPE } from '../nasbench/structure.ts';
import type { OnnxProvider } from '../network/onnx/index.ts';
import { configsWithin, type NngpConfig } from './configs.ts';
import {
  type ArchitectureEvaluation,
  evaluateArchitecture,
  type Retention,
  withImageTensor,
} from './evaluate.ts';
import {
  defaultEvaluationDataset,
  type EngineName,
  EVALUATION_DEFAULTS,
} from './evaluation-defaults.ts';
import { loadNngpData } from './nngp-data.ts';

/** An evaluation of one cell; what is left out takes `nngp evaluate`'s default. */
export interface CellEvaluationOptions extends NngpConfig {
  /** Smaller configurations from the same kernels, after the largest (this one). */
  configs?: NngpConfig[];
  seed?: number;
  stemChannels?: number;
  stacks?: number;
  modulesPerStack?: number;
  dataset?: string | string[];
  bnBatchSize?: number;
  batchSize?: number;
  engine?: EngineName;
  /** The onnx engine's provider (default cpu); the tfjs engine runs on the backend already started, else the first that starts. */
  provider?: OnnxProvider;
  retention?: Retention;
  /** Kernels to estimate (default the NNGP alone). */
  kernels?: KernelKind[];
}

/**
 * One cell evaluated in this process exactly as `nngp evaluate` and the queue's workers evaluate
 * it at the same settings (same data draw, seeds, network numbering and inference): the path the
 * benchmarks, the GPU check and the reproducibility tests take, so their accuracies are the
 * CLI's.
 *
 * @example const e = await evaluateCell(INCEPTION_CELL, { nTrain: 500, nVal: 200, ensemble: 4 }); // e.results[0].accuracy 0.375
 */
export async function evaluateCell(
  cell: { hash: string; matrix: Matrix; ops: readonly Operation[] },
  options: CellEvaluationOptions,
): Promise<ArchitectureEvaluation> {
  const d = EVALUATION_DEFAULTS;
  const largest = { nTrain: options.nTrain, nVal: options.nVal, ensemble: options.ensemble };
  const data = await loadNngpData({
    dataset: options.dataset ?? defaultEvaluationDataset(),
    ...largest,
    seed: options.seed ?? d.seed,
    bnBatchSize: options.bnBatchSize ?? d.bnBatchSize,
  });
  const engine = options.engine ?? d.engine;
  const settings = {
    shape: {
      ...DEFAULT_SHAPE,
      stemChannels: options.stemChannels ?? d.stemChannels,
      stacks: options.stacks ?? d.stacks,
      modulesPerStack: options.modulesPerStack ?? d.modulesPerStack,
    },
    configs: configsWithin(largest, options.configs ?? []),
    batchSize: options.batchSize ?? d.batchSize,
    retention: options.retention ?? 'none',
    dtype: d.precision,
    engine,
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.kernels ? { kernels: options.kernels } : {}),
  };
  if (engine === 'onnx') return evaluateArchitecture(cell, data, null, settings);
  // The backend started, else the first that starts (as a worker thread would).
  return withImageTensor(data, null, (images) =>
    evaluateArchitecture(cell, data, images, settings),
  );
}
