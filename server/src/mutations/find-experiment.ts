import { type Db, type NngpExperimentRow, nngpExperiments } from '@nngp-nas/db';
import { eq } from 'drizzle-orm';
import { parseExperimentId } from '../architectures/filter.ts';
import { notFound } from '../errors.ts';

/**
 * The experiment a mutation names by ID: a malformed ID is BAD_USER_INPUT on `argumentName`,
 * an unknown one NOT_FOUND.
 *
 * @example const experiment = await experimentToChange(db, args.id, 'id');
 */
export async function experimentToChange(
  db: Db,
  id: string,
  argumentName: string,
): Promise<NngpExperimentRow> {
  const [row] = await db
    .select()
    .from(nngpExperiments)
    .where(eq(nngpExperiments.id, parseExperimentId(id, argumentName)));
  if (row === undefined) throw notFound('experiment', id);
  return row;
}
