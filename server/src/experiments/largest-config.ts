import { nngpExperiments, nngpResults } from '@nngp-nas/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';

/**
 * Joins an NNGP result to its experiment only at the experiment's own (largest) configuration and
 * its completing kernel (compute's completingKernel: the NTK's when the experiment estimates it):
 * the result that marks an architecture as evaluated, and the one that carries its cost. With
 * `everyKernel`, the results of each kernel at that configuration (the CSV export's columns).
 *
 * @example db.select().from(nngpResults).innerJoin(nngpExperiments, resultAtLargestConfig())
 */
export function resultAtLargestConfig(options: { everyKernel?: boolean } = {}): SQL {
  const configured = (key: 'nTrain' | 'nVal' | 'ensemble') =>
    sql<number>`(${nngpExperiments.config} ->> ${key})::int`;
  return and(
    eq(nngpResults.experimentId, nngpExperiments.id),
    eq(nngpResults.nTrain, configured('nTrain')),
    eq(nngpResults.nVal, configured('nVal')),
    eq(nngpResults.ensemble, configured('ensemble')),
    options.everyKernel
      ? undefined
      : eq(
          nngpResults.kind,
          sql`case when ${nngpExperiments.config} -> 'kernels' @> '["ntk"]'::jsonb then 'ntk' else 'nngp' end`,
        ),
  ) as SQL;
}
