import { type Db, proxyScores } from '@nngp-nas/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import type { PredictorInput } from '../generated/resolvers-types.ts';
import type { LoadedPredictor, PredictorScope, PredictorSite } from './types.ts';
import { requireAny, toMap } from './values.ts';

/**
 * A PROXY predictor: one imported zero-cost proxy score (its cost is unknown: computed
 * elsewhere). A proxy never imported is a BAD_USER_INPUT on `site.argument`.
 *
 * @example await loadProxy(db, { kind: 'PROXY', proxy: 'zen_score' }, site, scope)
 */
export async function loadProxy(
  db: Db,
  input: Pick<PredictorInput, 'proxy' | 'name'>,
  site: PredictorSite,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const proxy = input.proxy;
  if (proxy == null)
    throw badUserInput(`${site.label}: a PROXY predictor needs proxy`, site.argument, 'proxy');
  const rows = await db
    .select({ hash: proxyScores.moduleHash, value: proxyScores.value })
    .from(proxyScores)
    .where(
      and(
        eq(proxyScores.proxy, proxy),
        isNotNull(proxyScores.value),
        scope.within(proxyScores.moduleHash),
      ),
    );
  if (rows.length === 0)
    await requireAny(
      db,
      'proxy',
      eq(proxyScores.proxy, proxy),
      site,
      'proxy',
      `no imported proxy ${JSON.stringify(proxy)}`,
    );
  return {
    label: input.name ?? proxy,
    values: toMap(rows),
    cost: null,
    notes: ['cost: unknown for an imported proxy (computed elsewhere)'],
  };
}
