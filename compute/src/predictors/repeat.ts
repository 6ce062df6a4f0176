import { NASBENCH_REPEATS } from './constants.ts';
import { PredictorInputError } from './errors.ts';

/**
 * Which training run of a budget a shortened-training predictor reads: one repeat (DESIGN.md
 * §3: the default, repeat 0) or the mean over the repeats stored (each one charged as a run).
 */
export type TrainingRepeat = 0 | 1 | 2 | 'mean';

/** One repeat, as DESIGN.md §3 defines a shortened-training predictor. */
export const DEFAULT_REPEAT: TrainingRepeat = 0;

/**
 * A repeat choice from a number or text (`0`, `'2'`, `'mean'`); anything else is a
 * PredictorInputError on `field`.
 *
 * @example parseRepeat('mean') // 'mean'
 */
export function parseRepeat(value: unknown, field = 'repeat'): TrainingRepeat {
  if (value === 'mean') return 'mean';
  const n = typeof value === 'string' && /^\s*\d\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < NASBENCH_REPEATS)
    return n as TrainingRepeat;
  throw new PredictorInputError(
    `${field} must be 0, 1, 2 or "mean", got ${JSON.stringify(value)}`,
    field,
  );
}

/**
 * The repeat choice in a predictor's label: `repeat 0` or `mean`.
 *
 * @example `epochs 4 ${repeatLabel(0)}` // 'epochs 4 repeat 0'
 */
export function repeatLabel(repeat: TrainingRepeat): string {
  return repeat === 'mean' ? 'mean' : `repeat ${repeat}`;
}
