import type { PredictorEvaluation } from '@nngp-nas/compute/metrics';
import {
  alignWithTruth,
  EMPTY_REPORT,
  evaluationReport,
  type LoadedPredictor,
  NOTHING_IN_COMMON,
  predictorScope,
  searchSpaceOf,
  type TruthRow,
} from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import { buffersOf } from '../compute-pool/portable.ts';
import { type AnalysisRun, runAnalysis } from '../compute-pool/run-analysis.ts';
import type {
  ArchitectureFilter,
  InputMaybe,
  IntervalsInput,
  PredictorMetrics,
  QueryMetricsArgs,
  SubsetsInput,
} from '../generated/resolvers-types.ts';
import { bootstrapOptions, withIntervals } from './intervals.ts';
import { loadPredictors } from './load.ts';
import { asBadUserInput, groundTruthEpochs } from './options.ts';

/**
 * The evaluation settings a query passes: PQETP thresholds, discovery subsets and (`metrics`
 * only) opt-in bootstrap intervals.
 */
export interface EvaluationArgs {
  thresholds?: InputMaybe<number[]>;
  subsets?: InputMaybe<SubsetsInput>;
  intervals?: InputMaybe<IntervalsInput>;
  /** The filter's space: MNAS' PQETP thresholds default to its reward's spread. */
  filter?: InputMaybe<Pick<ArchitectureFilter, 'space'>>;
}

/**
 * `Query.metrics`: loads the ground truth and every predictor over the filtered architectures
 * through compute/predictors, aligns each with the truth as `nngp compare` does
 * (`alignWithTruth`) and evaluates it with compute/metrics' `evaluatePredictors`, each predictor
 * in the analysis worker pool (compute-pool/run-analysis.ts).
 *
 * @example await predictorMetrics(db, { predictors: [{ kind: 'PROXY', proxy: 'zen_score' }] })
 */
export function predictorMetrics(db: Db, args: QueryMetricsArgs): Promise<PredictorMetrics[]> {
  bootstrapOptions(args.intervals);
  return runAnalysis(
    db,
    'metrics',
    async (tx) => {
      const where = architectureCondition(tx, args.filter);
      const scope = predictorScope(tx, where, {
        truthEpochs: groundTruthEpochs(args.groundTruth),
        truthOnly: true,
        space: searchSpaceOf(args.filter),
      });
      const [loaded, truth] = await Promise.all([
        loadPredictors(tx, args.predictors, scope),
        scope.truth(),
      ]);
      return { loaded, truth };
    },
    ({ loaded, truth }, run) => Promise.all(loaded.map((p) => evaluateLoaded(truth, p, args, run))),
  );
}

/**
 * One loaded predictor evaluated against the ground truth over the architectures having both:
 * τ-b, r, PQETP, discovered performance, its cost in PFLOPs and the training runs charged.
 * Aligning and pricing are O(n) here; the evaluation itself runs as a task of `run`. Nothing in
 * common gives count 0 and nulls with a note; unusable thresholds or subsets are a
 * BAD_USER_INPUT naming them.
 *
 * @example await evaluateLoaded(await scope.truth(), predictor, { subsets: { count: 3 } }, run)
 */
export async function evaluateLoaded(
  truthRows: readonly TruthRow[],
  predictor: LoadedPredictor,
  args: EvaluationArgs,
  run: AnalysisRun,
): Promise<PredictorMetrics> {
  const aligned = alignWithTruth(truthRows, predictor, {
    ...args,
    space: searchSpaceOf(args.filter),
  });
  const { costPflops, trainingRuns, truth, values } = aligned;
  const bootstrap = bootstrapOptions(args.intervals);
  const options = bootstrap === undefined ? aligned.options : { ...aligned.options, bootstrap };
  const base = {
    predictor: predictor.label,
    repeat: predictor.repeat,
    costPflops,
    trainingRuns,
  };
  if (aligned.rows.length === 0)
    return withIntervals({
      ...base,
      ...EMPTY_REPORT,
      notes: [...predictor.notes, NOTHING_IN_COMMON],
    });
  let e: PredictorEvaluation;
  try {
    e = await run.compute(
      'evaluate',
      { label: predictor.label, truth, values, options },
      buffersOf(truth, values),
    );
  } catch (error) {
    throw asBadUserInput(error, predictor.label, ['thresholds', 'subsets'], 'predictors');
  }
  return withIntervals(
    { ...base, ...evaluationReport(e), notes: [...e.notes, ...predictor.notes] },
    e,
  );
}
