import {
  type ReductionRow as ComputedReductionRow,
  DEFAULT_TOP_K,
  PAPER_KEEP_PERCENTS,
} from '@nngp-nas/compute/metrics';
import {
  commonRows,
  type LoadedPredictor,
  loadNngp,
  loadTraining,
  predictorScope,
  runsAt,
  searchSpaceOf,
  seriesAt,
  subsetsSpec,
} from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import { buffersOf } from '../compute-pool/portable.ts';
import { runAnalysis } from '../compute-pool/run-analysis.ts';
import { badUserInput } from '../errors.ts';
import type { QuerySearchSpaceReductionArgs, ReductionRow } from '../generated/resolvers-types.ts';
import { rejectingAs, repeatOr } from '../predictor-metrics/input-error.ts';
import { asBadUserInput, groundTruthEpochs } from '../predictor-metrics/options.ts';

/** The paper's discovery budgets of Fig. 8. */
export const REDUCTION_EPOCHS: readonly number[] = [12, 36];
const SCREENING = { none: 'NONE', nngp: 'NNGP', random: 'RANDOM' } as const;
/** Most epoch budgets or keep percents one query may ask for. */
const MAX_LIST = 10;

/**
 * `Query.searchSpaceReduction` (paper Fig. 8): over the filtered architectures having the ground
 * truth, the NNGP result and every training budget of `epochs` (mean over repeats), compute's
 * `searchSpaceReduction` in the discovery subsets (the random baseline seeded by the subsets'
 * seed). Rows are ordered by budget, then no screening, then NNGP / random per keep percent.
 * No architecture having everything gives no rows.
 *
 * @example await reductionRows(db, { nngp: { experiment: '1' }, keepPercents: [30] })
 */
export function reductionRows(
  db: Db,
  args: QuerySearchSpaceReductionArgs,
): Promise<ReductionRow[]> {
  const epochs = args.epochs ?? REDUCTION_EPOCHS;
  const keepPercents = args.keepPercents ?? PAPER_KEEP_PERCENTS;
  checkList('epochs', epochs, (e) => Number.isInteger(e) && e >= 1, 'a positive epoch budget');
  checkList('keepPercents', keepPercents, (p) => p > 0 && p <= 100, 'a percent in (0, 100]');
  return runAnalysis(
    db,
    'searchSpaceReduction',
    (tx) => {
      const where = architectureCondition(tx, args.filter);
      const scope = predictorScope(tx, where, {
        truthEpochs: groundTruthEpochs(args.groundTruth),
        truthOnly: true,
        space: searchSpaceOf(args.filter),
      });
      return Promise.all([
        rejectingAs(loadNngp(tx, args.nngp, scope), 'nngp', 'nngp'),
        Promise.all(
          epochs.map((e, i) =>
            rejectingAs(
              loadTraining(tx, { epochs: e, repeat: args.repeat }, scope),
              repeatOr('epochs'),
              `epochs[${i}]`,
            ),
          ),
        ),
        scope.truth(),
      ]);
    },
    async ([nngp, training, truth], run) => {
      const rows = commonRows(truth, [nngp, ...training]);
      if (rows.length === 0) return [];
      const hashes = rows.map((r) => r.hash);
      const spec = subsetsSpec(args.subsets, rows.length);
      const input = {
        truth: Float64Array.from(rows, (r) => r.value),
        nngp: seriesAt(hashes, nngp),
        training: Object.fromEntries(
          epochs.map((e, i) => [e, seriesAt(hashes, training[i] as LoadedPredictor)]),
        ),
        inferenceFlops: Float64Array.from(rows, (r) => r.flops),
        nngpConfig: nngp.costConfig,
        trainingRuns: Object.fromEntries(
          epochs.map((e, i) => [e, runsAt(hashes, training[i] as LoadedPredictor)]),
        ),
      };
      let result: ComputedReductionRow[];
      try {
        // The subsets are drawn, and the strategies evaluated, in a worker.
        result = await run.compute(
          'reduction',
          { input, subsets: spec, keepPercents },
          buffersOf(
            input.truth,
            input.nngp,
            input.inferenceFlops,
            ...Object.values(input.training),
            ...Object.values(input.trainingRuns),
          ),
        );
      } catch (error) {
        throw asBadUserInput(error, 'searchSpaceReduction', ['subsets', 'keepPercents'], 'nngp');
      }
      return result.map((row) => ({
        epochs: row.epochs,
        screening: SCREENING[row.screening],
        keepPercent: row.keepPercent,
        discovered: {
          mean: row.discovered.mean,
          standardError: row.discovered.standardError,
          topK: DEFAULT_TOP_K,
          subsetSize: spec.size,
        },
        costPflops: row.costPflops,
      }));
    },
  );
}

function checkList(
  argument: string,
  values: readonly number[],
  valid: (value: number) => boolean,
  expected: string,
): void {
  if (values.length === 0) throw badUserInput(`${argument} is empty`, argument);
  if (values.length > MAX_LIST)
    throw badUserInput(`${argument} has ${values.length} entries, at most ${MAX_LIST}`, argument);
  values.forEach((v, i) => {
    if (!valid(v)) throw badUserInput(`${argument}[${i}] is ${v}, expected ${expected}`, argument);
    if (values.indexOf(v) !== i) throw badUserInput(`${argument}[${i}] repeats ${v}`, argument);
  });
}
