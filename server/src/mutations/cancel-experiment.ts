import { type Database, type NngpExperimentRow, nngpExperiments } from '@nngp-nas/db';
import { eq, sql } from 'drizzle-orm';
import { removeQueuedJobs } from '../jobs/cancel.ts';
import { experimentToChange } from './find-experiment.ts';

/**
 * cancelExperiment: marks the experiment cancelled first (a job that starts meanwhile sees it and
 * returns at once), then removes its waiting jobs; running ones finish. Cancelling again keeps
 * the first time.
 *
 * @example const { removedJobs } = await cancelExperiment(database, '3');
 */
export async function cancelExperiment(
  database: Database,
  id: string,
): Promise<{ experiment: NngpExperimentRow; removedJobs: number }> {
  const { db } = database;
  const found = await experimentToChange(db, id, 'id');
  const [experiment] = await db
    .update(nngpExperiments)
    .set({ cancelledAt: sql`coalesce(${nngpExperiments.cancelledAt}, now())` })
    .where(eq(nngpExperiments.id, found.id))
    .returning();
  const removedJobs = await removeQueuedJobs(database, found.id);
  return { experiment: experiment ?? found, removedJobs };
}
