import { PredictorInputError } from './errors.ts';

/**
 * An experiment ID as the integer key it is stored under; anything else is a
 * PredictorInputError on `field`.
 *
 * @example parseExperimentId('3') // 3
 */
export function parseExperimentId(id: string, field?: string): number {
  const n = /^\d{1,9}$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new PredictorInputError(`experiment id ${JSON.stringify(id)} is not a number`, field);
  return n;
}
