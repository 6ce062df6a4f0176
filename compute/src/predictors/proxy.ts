import { type Db, proxyScores } from '@nngp-nas/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { PROXY_COST_NOTE } from './costs.ts';
import { PredictorInputError } from './errors.ts';
import type { LoadedPredictor, PredictorScope } from './types.ts';
import type { ValueSource } from './value-source.ts';
import { requireAny, toMap } from './values.ts';

/**
 * Where an imported proxy's scores are read (rows without a score skipped).
 *
 * @example proxySource('zen_score').grouped // false
 */
export function proxySource(proxy: string): ValueSource {
  return {
    table: proxyScores,
    hash: proxyScores.moduleHash,
    value: sql`${proxyScores.value}`,
    where: and(eq(proxyScores.proxy, proxy), isNotNull(proxyScores.value)),
    grouped: false,
  };
}

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
  const source = proxySource(proxy);
  const rows = await db
    .select({ hash: proxyScores.moduleHash, value: sql<number | null>`${source.value}` })
    .from(proxyScores)
    .where(and(source.where, scope.within(proxyScores.moduleHash)));
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
