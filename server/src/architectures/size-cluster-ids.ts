import { type Db, type SearchSpace, sizeClusters } from '@nngp-nas/db';
import { asc, eq } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';

/**
 * Refuses size-cluster ids (of one or more filters of `space`) that name no stored cluster of that
 * space, negative ones
 * included: a typo or a stale dashboard URL would otherwise silently match nothing.
 * BAD_USER_INPUT naming `argumentName` and `field` (`filter.sizeClusters`; no field for an
 * argument that is the list itself) and the known ids. One small query, only when there are ids
 * to check.
 *
 * @example await checkSizeClustersExist(db, args.filter?.sizeClusters ?? [], 'filter')
 */
export async function checkSizeClustersExist(
  db: Db,
  ids: readonly number[],
  argumentName: string,
  field: string | undefined = 'sizeClusters',
  space: SearchSpace = 'nasbench101',
): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const rows = await db
    .select({ id: sizeClusters.id })
    .from(sizeClusters)
    .where(eq(sizeClusters.space, space))
    .orderBy(asc(sizeClusters.id));
  const known = new Set(rows.map((r) => r.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const knownText =
    rows.length === 0
      ? `none yet in ${space} (clusters are computed when its architectures are stored)`
      : rows.map((r) => r.id).join(', ');
  const named = field === undefined ? argumentName : `${argumentName}.${field}`;
  throw badUserInput(
    `${named}: no size cluster ${unknown.join(', ')}; known ids: ${knownText}`,
    argumentName,
    field,
  );
}
