import { fitHybrid, type HybridFit, hybridScores } from '@nngp-nas/compute/metrics';
import type { Db } from '@nngp-nas/db';
import type { PredictorInput } from '../generated/resolvers-types.ts';
import { commonRows, seriesAt } from './aligned.ts';
import { loadNngp } from './nngp.ts';
import { trainingPredictor } from './training.ts';
import type { LoadedPredictor, PredictorScope, PredictorSite } from './types.ts';

/** The HYBRID predictor and the fit that produced its scores (null when undetermined). */
export interface LoadedHybrid {
  predictor: LoadedPredictor;
  fit: HybridFit | null;
}

/**
 * The hybrid metric (paper Fig. 9) as a predictor: over the architectures of `scope` having the
 * ground truth, 4- and 12-epoch mean accuracies and the NNGP accuracy (in hash order), fit the
 * 12-epoch accuracy on (4-epoch, NNGP, 1) with compute's `fitHybrid`; the fitted scores of those
 * architectures are the predictor's values. Its cost per architecture is the 4-epoch TRAINING
 * cost plus the NNGP cost. An undetermined fit (fewer than three architectures, collinear
 * inputs) gives no values and a note instead of an error.
 *
 * @example const { fit, predictor } = await loadHybrid(db, { experiment: '1' }, site, scope);
 */
export async function loadHybrid(
  db: Db,
  input: Pick<PredictorInput, 'experiment' | 'nTrain' | 'nVal' | 'ensemble' | 'name'>,
  site: PredictorSite,
  scope: PredictorScope,
): Promise<LoadedHybrid> {
  const nngp = await loadNngp(db, { ...input, name: null }, site, scope);
  const [epoch4, epoch12, truth] = await Promise.all([
    trainingPredictor(db, 4, null, scope),
    trainingPredictor(db, 12, null, scope),
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
    'cost: 4-epoch training (every repeat averaged) plus the NNGP evaluation',
    ...nngp.notes,
  ];
  if (fit === null)
    notes.unshift(
      `hybrid: fit not determined over ${hashes.length} architectures with the ground truth, 4- and 12-epoch training and this NNGP configuration (needs three or more, with 4-epoch and NNGP accuracies not collinear)`,
    );
  return {
    fit,
    predictor: {
      label: input.name ?? `hybrid ${nngp.label} + epochs 4`,
      values,
      cost: (flops, hash) => (epoch4.cost?.(flops, hash) ?? 0) + (nngp.cost?.(flops, hash) ?? 0),
      notes,
    },
  };
}
