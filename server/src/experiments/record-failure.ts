import { type Db, nngpExperiments } from '@nngp-nas/db';
import { eq, sql } from 'drizzle-orm';

/**
 * Marks an experiment with the error of an evaluation job that failed for good (its last
 * attempt threw, or its worker died during it), as `<hash>: <message>`; the experiment's
 * `lastError` shows the latest one.
 *
 * @example await recordEvaluationFailure(db, 3, '28cfc787…', 'cannot draw 5000 training images');
 */
export async function recordEvaluationFailure(
  db: Db,
  experimentId: number,
  hash: string,
  message: string,
): Promise<void> {
  await db
    .update(nngpExperiments)
    .set({ lastError: `${hash}: ${message}`, lastErrorAt: sql`now()` })
    .where(eq(nngpExperiments.id, experimentId));
}
