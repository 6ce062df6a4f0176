import { type Db, proxyScores } from '@nngp-nas/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { PROXY_COST_NOTE } from './costs.ts';
import { PredictorInputError } from './errors.ts';
import type { LoadedPredictor, PredictorScope } from './types.ts';
import { requireAny, toMap } from './values.ts';

/**
 * An imported zero-cost proxy score, by name (its cost is unknown: computed elsewhere). A proxy
 * never imported is a PredictorInputError on `proxy`.
 *
 * @example await loadProxy(db, { proxy: 'zen_score' }, scope)
 */
export async function loadProxy(
  db: Db,
  input: { proxy?: string | null; name?: string | null },
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const proxy = input.proxy;
  if (proxy == null) throw new PredictorInputError('a PROXY predictor needs proxy', 'proxy');
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
      'proxy',
      `no imported proxy ${JSON.stringify(proxy)}`,
    );
  return {
    label: input.name ?? proxy,
    kind: 'proxy',
    values: toMap(rows),
    cost: null,
    trainingRuns: null,
    repeat: null,
    notes: [PROXY_COST_NOTE],
  };
}
