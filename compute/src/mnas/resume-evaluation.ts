import type { NngpConfig } from '../nngp/configs.ts';
import type { ArchitectureEvaluation } from '../nngp/evaluate.ts';
import type { EngineName } from '../nngp/evaluation-defaults.ts';
import { evaluateMnas, loadMnasData, type MnasData } from './evaluate.ts';
import type { MnasSpec } from './spec.ts';

/** Where an MNAS evaluation keeps its results: what it holds already, and how one more is kept. */
export interface MnasResultSink {
  /** Hashes of the networks it has results of (a resumed run skips them). */
  evaluated(): Promise<Set<string>>;
  save(evaluation: ArchitectureEvaluation, spec: MnasSpec): Promise<void>;
}

export interface MnasRunOptions {
  images: string;
  labels: 'all' | number;
  resolution: number;
  seed: number;
  largest: NngpConfig;
  /** Smaller configurations derived from the largest's kernels. */
  configs: NngpConfig[];
  engine: EngineName;
  bnBatchSize: number;
  batchSize: number;
  /** Before any image is read: how many networks the sink holds already, of how many. */
  onStart?: (skipped: number, total: number) => void;
  onImages?: (done: number, total: number) => void;
  /** Once the images are drawn and processed. */
  onData?: (data: MnasData) => void;
  onNetwork?: (done: number, total: number) => void;
}

/** Networks evaluated now, and those the sink had already. */
export interface MnasRunCounts {
  evaluated: number;
  skipped: number;
}

/**
 * NNGP evaluation of the networks of `specs` that `sink` lacks: the images are drawn only when
 * one is left, and each network's results are saved as it is done, so an interrupted run resumes
 * where it stopped. The database experiment (runMnasEvaluation) and the CSV of
 * `nngp mnas evaluate --out` (mnasCsvSink) are its two sinks.
 *
 * @example await resumeMnasEvaluation(sampleMnas(100, 0), mnasCsvSink('mnas.csv'), options)
 */
export async function resumeMnasEvaluation(
  specs: readonly MnasSpec[],
  sink: MnasResultSink,
  options: MnasRunOptions,
): Promise<MnasRunCounts> {
  const done = await sink.evaluated();
  const left = specs.filter((spec) => !done.has(spec.hash()));
  const counts = { evaluated: 0, skipped: specs.length - left.length };
  options.onStart?.(counts.skipped, specs.length);
  if (left.length === 0) return counts;
  const { largest } = options;
  const data = await loadMnasData({
    images: options.images,
    ...largest,
    labels: options.labels,
    resolution: options.resolution,
    seed: options.seed,
    bnBatchSize: options.bnBatchSize,
    ...(options.onImages ? { onProgress: options.onImages } : {}),
  });
  options.onData?.(data);
  const settings = {
    configs: [largest, ...options.configs],
    batchSize: options.batchSize,
    engine: options.engine,
  };
  await evaluateMnas(left, data, settings, async (evaluation, spec) => {
    await sink.save(evaluation, spec);
    options.onNetwork?.(++counts.evaluated, left.length);
  });
  return counts;
}
