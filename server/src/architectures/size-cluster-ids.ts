import { type Db, sizeClusters } from '@nngp-nas/db';
import { asc } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';

/**
 * Refuses size-cluster ids (of one or more filters) that name no stored cluster, negative ones
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
): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const rows = await db
    .select({ id: sizeClusters.id })
    .from(sizeClusters)
    .orderBy(asc(sizeClusters.id));
  const known = new Set(rows.map((r) => r.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const knownText =
    rows.length === 0
      ? 'none yet (clusters are computed when the search space is imported)'
      : rows.map((r) => r.id).join(', ');
  const named = field === undefined ? argumentName : `${argumentName}.${field}`;
  throw badUserInput(
    `${named}: no size cluster ${unknown.join(', ')}; known ids: ${knownText}`,
    argumentName,
    field,
  );
}
