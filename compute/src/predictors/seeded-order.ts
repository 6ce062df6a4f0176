import { architectures } from '@nngp-nas/db';
import { type SQL, sql } from 'drizzle-orm';
import { PredictorInputError } from './errors.ts';

/**
 * The seeded random order of architectures shared by `nngp evaluate --archs filter:… --limit N`
 * and the API's `enqueueEvaluations(seed:)`: ascending md5(seed || hash) (the seed as decimal
 * text), then the hash. Pure SQL, so the same seed picks the same architectures on any database
 * holding the same rows. A seed that is not a safe integer is a PredictorInputError on `field`.
 *
 * @example db.select().from(architectures).where(where).orderBy(seededArchitectureOrder(7)).limit(100)
 */
export function seededArchitectureOrder(seed: number, field = 'seed'): SQL {
  if (!Number.isSafeInteger(seed))
    throw new PredictorInputError(`${field} must be an integer, got ${seed}`, field);
  return sql`md5(${String(seed)}::text || ${architectures.hash}), ${architectures.hash}`;
}
