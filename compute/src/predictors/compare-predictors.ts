import type { Db } from '@nngp-nas/db';
import { type BootstrapOptions, evaluatePredictors, type Interval } from '../metrics/index.ts';
import {
  type ArchitectureSelection,
  architectureWhere,
  searchSpaceOf,
} from './architecture-where.ts';
import { GROUND_TRUTH_EPOCHS } from './constants.ts';
import { alignWithTruth, type SubsetsChoice } from './evaluation-input.ts';
import {
  EMPTY_REPORT,
  type EvaluationReport,
  evaluationReport,
  NOTHING_IN_COMMON,
} from './evaluation-report.ts';
import { loadPredictor } from './load-predictor.ts';
import type { PredictorSpec } from './predictor-spec.ts';
import { DEFAULT_REPEAT, type TrainingRepeat } from './repeat.ts';
import { predictorScope } from './scope.ts';
import { storedPredictorSpecs } from './stored-predictors.ts';
import type { PredictorKind } from './types.ts';

export interface CompareOptions {
  /** Only the architectures of this selection (size clusters, residual range, parameters …). */
  filter?: ArchitectureSelection;
  /** Repeat of the shortened-training predictors (default 0, DESIGN.md §3) or 'mean'. */
  repeat?: TrainingRepeat;
  /** The predictors to compare (default: every one stored, {@link storedPredictorSpecs}). */
  predictors?: readonly PredictorSpec[];
  /** Bootstrap settings (default 1,000 resamples, 95 %, seed 0). */
  bootstrap?: BootstrapOptions;
  /** PQETP thresholds (default compute/metrics' 0.78..0.948 step 0.003). */
  thresholds?: readonly number[];
  /** Discovery subsets (default the paper's 10 × 10,000, seed 0, capped at n). */
  subsets?: SubsetsChoice;
}

/** One predictor against the ground truth, as the API's `metrics` reports it plus intervals. */
export interface PredictorComparison extends Omit<EvaluationReport, 'count'> {
  name: string;
  kind: PredictorKind;
  /** The repeat choice of a training (or hybrid) predictor; null for the others. */
  repeat: TrainingRepeat | null;
  /** Architectures with both the predictor and the ground truth (within the filter). */
  n: number;
  kendallTauInterval: Interval;
  pearsonInterval: Interval;
  /** PQETP's bootstrap interval at each threshold of `pqetp`, in its order. */
  pqetpIntervals: Interval[];
  /** Discovered performance's mean, bootstrapped over the discovery subsets; null for one. */
  discoveredInterval: Interval;
  /** Cost over those architectures in PFLOPs (DESIGN.md §4); null where unknown. */
  costPflops: number | null;
  /** Training runs the cost charges over those architectures (one per repeat used). */
  trainingRuns: number | null;
  notes: string[];
}

export interface Comparison {
  groundTruth: string;
  /** Architectures with ground truth within the filter. */
  architectures: number;
  filter: ArchitectureSelection;
  repeat: TrainingRepeat;
  bootstrap: { resamples: number; level: number; seed: number };
  predictors: PredictorComparison[];
}

/**
 * τ-b and r (with bootstrap intervals), PQETP, discovered performance and cost of every stored
 * predictor (or `options.predictors`) against the ground truth, each over the architectures
 * having both within the filter: the same loaders, alignment and evaluation as the API's
 * `metrics`, so both give the same numbers.
 *
 * @example await comparePredictors(database.db, { filter: { sizeClusters: [0] }, repeat: 'mean' })
 */
export async function comparePredictors(db: Db, options: CompareOptions = {}): Promise<Comparison> {
  const filter = options.filter ?? {};
  const repeat = options.repeat ?? DEFAULT_REPEAT;
  const bootstrap = {
    resamples: options.bootstrap?.resamples ?? 1000,
    level: options.bootstrap?.level ?? 0.95,
    seed: options.bootstrap?.seed ?? 0,
  };
  const space = searchSpaceOf(filter);
  const scope = predictorScope(db, architectureWhere(db, filter), { truthOnly: true, space });
  const specs = options.predictors ?? (await storedPredictorSpecs(db, repeat, space));
  const truth = await scope.truth();
  const predictors: PredictorComparison[] = [];
  for (const spec of specs) {
    const predictor = await loadPredictor(db, spec, scope);
    const aligned = alignWithTruth(truth, predictor, { ...options, space });
    const base = {
      name: predictor.label,
      kind: predictor.kind,
      repeat: predictor.repeat,
      n: aligned.rows.length,
      costPflops: aligned.costPflops,
      trainingRuns: aligned.trainingRuns,
    };
    if (aligned.rows.length === 0) {
      const { count: _, ...empty } = EMPTY_REPORT;
      predictors.push({
        ...base,
        ...empty,
        kendallTauInterval: null,
        pearsonInterval: null,
        pqetpIntervals: [],
        discoveredInterval: null,
        notes: [...predictor.notes, NOTHING_IN_COMMON],
      });
      continue;
    }
    const e = evaluatePredictors(
      aligned.truth,
      { [predictor.label]: aligned.values },
      { ...aligned.options, bootstrap },
    )[predictor.label];
    if (e === undefined) throw new Error(`no evaluation of ${predictor.label}`);
    const { count: _, ...report } = evaluationReport(e);
    predictors.push({
      ...base,
      ...report,
      kendallTauInterval: e.kendallTauInterval ?? null,
      pearsonInterval: e.pearsonInterval ?? null,
      pqetpIntervals: e.pqetpIntervals ?? [],
      discoveredInterval: e.discoveredInterval ?? null,
      notes: [...e.notes, ...predictor.notes],
    });
  }
  return {
    groundTruth:
      space === 'mnas'
        ? 'the MNAS reward ACC × (LAT / T)^w of the imported measurements'
        : `mean final validation accuracy over the ${GROUND_TRUTH_EPOCHS}-epoch repeats`,
    architectures: truth.length,
    filter,
    repeat,
    bootstrap,
    predictors,
  };
}
