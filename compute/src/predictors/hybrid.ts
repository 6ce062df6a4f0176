import type { Db } from '@nngp-nas/db';
import { fitHybrid, type HybridFit, hybridScores } from '../metrics/index.ts';
import { commonRows, seriesAt } from './aligned.ts';
import { loadNngp, type NngpInput } from './nngp.ts';
import { DEFAULT_REPEAT, parseRepeat, type TrainingRepeat } from './repeat.ts';
import { trainingValues } from './training.ts';
import type { LoadedPredictor, PredictorScope } from './types.ts';

/** The hybrid predictor and the fit that produced its scores (null when undetermined). */
export interface LoadedHybrid {
  predictor: LoadedPredictor;
  fit: HybridFit | null;
}

/**
 * The hybrid metric (paper Fig. 9) as a predictor: over the architectures of `scope` having the
 * ground truth, 4- and 12-epoch accuracies of the chosen repeat (default 0; 'mean' averages
 * the repeats) and the NNGP accuracy (in hash order), fit the 12-epoch accuracy on (4-epoch,
 * NNGP, 1) with compute/metrics' `fitHybrid`; the fitted scores are the predictor's values. Its
 * cost per architecture is the 4-epoch training cost of that repeat choice (one run per repeat
 * used) plus the NNGP cost. An undetermined fit gives no values and a note instead of an error.
 *
 * @example const { fit, predictor } = await loadHybrid(db, { experiment: '1' }, scope);
 */
export async function loadHybrid(
  db: Db,
  input: NngpInput & { repeat?: TrainingRepeat | number | string | null },
  scope: PredictorScope,
): Promise<LoadedHybrid> {
  const repeat = input.repeat == null ? DEFAULT_REPEAT : parseRepeat(input.repeat);
  const nngp = await loadNngp(db, { ...input, name: null }, scope);
  const [epoch4, epoch12, truth] = await Promise.all([
    trainingValues(db, 4, repeat, scope),
    trainingValues(db, 12, repeat, scope),
    scope.truth(),
  ]);
  const hashes = commonRows(truth, [epoch4, epoch12, nngp]).map((r) => r.hash);
  const a = seriesAt(hashes, epoch4);
  const b = seriesAt(hashes, nngp);
  const fit = hashes.length === 0 ? null : fitHybrid(seriesAt(hashes, epoch12), a, b);
  const values = new Map<string, number>();
  if (fit !== null) {
    const scores = hybridScores(fit, a, b);
    hashes.forEach((hash, i) => {
      values.set(hash, scores[i] as number);
    });
  }
  const notes = [
    `cost: 4-epoch training (${repeat === 'mean' ? 'every repeat averaged, one run each' : `repeat ${repeat}, one run`}) plus the NNGP evaluation`,
    ...nngp.notes,
  ];
  if (fit === null)
    notes.unshift(
      `hybrid: fit not determined over ${hashes.length} architectures with the ground truth, 4- and 12-epoch training and this NNGP configuration (needs three or more, with 4-epoch and NNGP accuracies not collinear)`,
    );
  const trainCost = epoch4.cost;
  const nngpCost = nngp.cost;
  return {
    fit,
    predictor: {
      label: input.name ?? `hybrid ${nngp.label} + ${epoch4.label}`,
      kind: 'hybrid',
      values,
      cost: (flops, hash) => (trainCost?.(flops, hash) ?? 0) + (nngpCost?.(flops, hash) ?? 0),
      trainingRuns: epoch4.trainingRuns,
      repeat,
      notes,
    },
  };
}
