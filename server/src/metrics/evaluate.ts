import { type EvaluationOptions, PETA, type PredictorEvaluation } from '@nngp-nas/compute/metrics';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import { buffersOf } from '../compute-pool/portable.ts';
import { type AnalysisRun, runAnalysis } from '../compute-pool/run-analysis.ts';
import type {
  InputMaybe,
  PredictorMetrics,
  QueryMetricsArgs,
  SubsetsInput,
} from '../generated/resolvers-types.ts';
import { type LoadedPredictor, loadPredictors, predictorScope, type TruthRow } from './load.ts';
import { asBadUserInput, groundTruthEpochs, subsetsSpec } from './options.ts';

/** The evaluation settings a query passes: PQETP thresholds and discovery subsets. */
export interface EvaluationArgs {
  thresholds?: InputMaybe<number[]>;
  subsets?: InputMaybe<SubsetsInput>;
}

/**
 * `Query.metrics`: loads the ground truth and every predictor over the filtered architectures,
 * aligns each predictor with the truth by hash (the architectures having both, in hash order)
 * and evaluates it with compute/metrics' `evaluatePredictors`, as `nngp metrics` does, each
 * predictor in the analysis worker pool (compute-pool/run-analysis.ts).
 *
 * @example await predictorMetrics(db, { predictors: [{ kind: 'PROXY', proxy: 'zen_score' }] })
 */
export function predictorMetrics(db: Db, args: QueryMetricsArgs): Promise<PredictorMetrics[]> {
  return runAnalysis(
    db,
    'metrics',
    async (tx) => {
      const where = architectureCondition(tx, args.filter);
      const scope = predictorScope(tx, where, groundTruthEpochs(args.groundTruth), {
        truthOnly: true,
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
 * τ-b, r, PQETP, discovered performance and its cost in PFLOPs. Aligning and pricing are O(n)
 * here; the evaluation itself runs as a task of `run`. Nothing in common gives count 0 and nulls
 * with a note; unusable thresholds or subsets are a BAD_USER_INPUT naming them.
 *
 * @example await evaluateLoaded(await scope.truth(), predictor, { subsets: { count: 3 } }, run)
 */
export async function evaluateLoaded(
  truthRows: readonly TruthRow[],
  predictor: LoadedPredictor,
  args: EvaluationArgs,
  run: AnalysisRun,
): Promise<PredictorMetrics> {
  const both = truthRows.filter((r) => predictor.values.has(r.hash));
  const { cost } = predictor;
  const costPflops =
    cost === null ? null : both.reduce((sum, r) => sum + cost(r.flops, r.hash), 0) / PETA;
  if (both.length === 0)
    return {
      predictor: predictor.label,
      count: 0,
      kendallTau: null,
      pearson: null,
      pqetp: [],
      discovered: null,
      costPflops,
      notes: [
        ...predictor.notes,
        'no architecture in the filter has both this predictor and the ground truth',
      ],
    };
  const truth = Float64Array.from(both, (r) => r.value);
  const values = Float64Array.from(both, (r) => predictor.values.get(r.hash) as number);
  const options: EvaluationOptions = {};
  if (args.thresholds != null) options.thresholds = args.thresholds;
  if (args.subsets != null) options.subsets = subsetsSpec(args.subsets, both.length);
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
  return {
    predictor: predictor.label,
    count: e.n,
    kendallTau: e.kendallTau,
    pearson: e.pearson,
    pqetp: e.pqetp.map((q) => ({ threshold: q.threshold, auroc: q.auroc })),
    discovered: {
      mean: e.discovered.mean,
      standardError: e.discovered.standardError,
      topK: e.discovered.topK,
      subsetSize: e.discovered.subsetSize,
    },
    costPflops,
    notes: [...e.notes, ...predictor.notes],
  };
}
