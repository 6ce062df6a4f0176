import {
  type EvaluationOptions,
  evaluatePredictors,
  MetricsInputError,
  PAPER_SUBSETS,
  PETA,
} from '@nngp-nas/compute/metrics';
import type { Db } from '@nngp-nas/db';
import { architectureCondition, GROUND_TRUTH_EPOCHS } from '../architectures/filter.ts';
import { badUserInput } from '../errors.ts';
import type { PredictorMetrics, QueryMetricsArgs } from '../generated/resolvers-types.ts';
import { type LoadedPredictor, loadPredictor, loadTruth, type TruthRow } from './load.ts';

/** Most predictors one `metrics` query may ask for. */
export const MAX_PREDICTORS = 20;

/**
 * `Query.metrics`: loads the ground truth and every predictor over the filtered architectures,
 * aligns each predictor with the truth by hash (the architectures having both, in hash order)
 * and evaluates it with compute/metrics' `evaluatePredictors`, as `nngp metrics` does.
 *
 * @example await predictorMetrics(db, { predictors: [{ kind: 'PROXY', proxy: 'zen_score' }] })
 */
export async function predictorMetrics(
  db: Db,
  args: QueryMetricsArgs,
): Promise<PredictorMetrics[]> {
  const where = architectureCondition(db, args.filter);
  const epochs = args.groundTruth?.epochs ?? GROUND_TRUTH_EPOCHS;
  if (!Number.isInteger(epochs) || epochs < 1)
    throw badUserInput(`epochs ${epochs} is not positive`, 'groundTruth', 'epochs');
  if (args.predictors.length === 0)
    throw badUserInput('predictors is empty, expected at least one', 'predictors');
  if (args.predictors.length > MAX_PREDICTORS)
    throw badUserInput(
      `${args.predictors.length} predictors, at most ${MAX_PREDICTORS} per query`,
      'predictors',
    );
  const loaded: LoadedPredictor[] = [];
  for (const [i, input] of args.predictors.entries())
    loaded.push(await loadPredictor(db, input, i, where));
  const labels = new Set<string>();
  for (const p of loaded) {
    if (labels.has(p.label))
      throw badUserInput(
        `two predictors are labelled ${JSON.stringify(p.label)}: give them distinct names`,
        'predictors',
        'name',
      );
    labels.add(p.label);
  }
  const truth = await loadTruth(db, epochs, where);
  return loaded.map((p) => evaluate(truth, p, args));
}

function evaluate(
  truthRows: readonly TruthRow[],
  predictor: LoadedPredictor,
  args: QueryMetricsArgs,
): PredictorMetrics {
  const both = truthRows.filter((r) => predictor.values.has(r.hash));
  const costPflops =
    predictor.cost === null
      ? null
      : both.reduce(
          (sum, r) => sum + (predictor.cost as NonNullable<typeof predictor.cost>)(r.flops, r.hash),
          0,
        ) / PETA;
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
        'no architecture in the filter has both this predictor and the ground truth',
        ...predictor.notes,
      ],
    };
  const truth = Float64Array.from(both, (r) => r.value);
  const values = Float64Array.from(both, (r) => predictor.values.get(r.hash) as number);
  const options: EvaluationOptions = {};
  if (args.thresholds != null) options.thresholds = args.thresholds;
  if (args.subsets != null) {
    const { count, size, seed } = args.subsets;
    options.subsets = {
      count: count ?? PAPER_SUBSETS.count,
      size: size ?? Math.min(PAPER_SUBSETS.size, both.length),
      seed: seed ?? PAPER_SUBSETS.seed,
    };
  }
  let result: ReturnType<typeof evaluatePredictors>;
  try {
    result = evaluatePredictors(truth, { [predictor.label]: values }, options);
  } catch (error) {
    if (error instanceof MetricsInputError) {
      const argument = error.field.split(/[.[]/)[0] as string;
      const known = argument === 'thresholds' || argument === 'subsets';
      throw badUserInput(
        `${predictor.label}: ${error.message}`,
        known ? argument : 'predictors',
        known ? error.field.slice(argument.length + 1) || undefined : undefined,
      );
    }
    throw error;
  }
  const e = result[predictor.label];
  if (e === undefined) throw new Error(`no evaluation of ${predictor.label}`);
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
