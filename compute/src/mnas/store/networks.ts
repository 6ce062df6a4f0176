import type { NewArchitectureRow, Queryable } from '@nngp-nas/db';
import { DEFAULT_CLUSTER_GAP } from '../../nasbench/clusters.ts';
import { refreshSizeClusters } from '../../nasbench/store/size-clusters.ts';
import { mnasCost } from '../cost.ts';
import type { MnasSpec } from '../spec.ts';

/**
 * The stored row of an MNAS network: its canonical encoding, parameters and FLOPs at 224×224
 * with the 1,000-class head (mnasCost), and its identity-residual layers as its residual count.
 *
 * @example mnasArchitectureRow(MNASNET_A1).trainableParameters // 3887038
 */
export function mnasArchitectureRow(spec: MnasSpec): NewArchitectureRow {
  const { parameters, flops } = mnasCost(spec);
  return {
    hash: spec.hash(),
    space: 'mnas',
    encoding: spec.encode(),
    trainableParameters: parameters,
    flops,
    residualConnections: spec.layers().filter((l) => l.shortcut === 'identity').length,
  };
}

/**
 * Stores MNAS networks not stored yet (one statement; existing rows are kept) and, when it added
 * any, recomputes the MNAS size clusters. Returns the number inserted.
 *
 * @example await upsertMnasNetworks(database.pool, sampleMnas(100, 0))
 */
export async function upsertMnasNetworks(
  db: Queryable,
  specs: readonly MnasSpec[],
): Promise<number> {
  if (specs.length === 0) return 0;
  const rows = specs.map(mnasArchitectureRow);
  const result = await db.query(
    `INSERT INTO architectures (hash, space, encoding, trainable_parameters, flops, residual_connections)
     SELECT h, 'mnas', e, p, f, r
       FROM unnest($1::text[], $2::text[], $3::integer[], $4::bigint[], $5::smallint[]) AS t(h, e, p, f, r)
     ON CONFLICT (hash) DO NOTHING`,
    [
      rows.map((r) => r.hash),
      rows.map((r) => r.encoding),
      rows.map((r) => r.trainableParameters),
      rows.map((r) => r.flops),
      rows.map((r) => r.residualConnections),
    ],
  );
  const inserted = result.rowCount ?? 0;
  if (inserted > 0) await refreshSizeClusters(db, DEFAULT_CLUSTER_GAP, 'mnas');
  return inserted;
}
