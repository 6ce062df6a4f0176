import { matrixFromText } from '@nngp-nas/compute/nasbench';
import {
  GROUND_TRUTH_EPOCHS,
  type TrainingMeanModel,
  trainingMeans,
} from '@nngp-nas/compute/predictors';
import {
  type ArchitectureRow,
  type Db,
  mnasMeasurements,
  nngpExperiments,
  nngpResults,
  proxyScores,
  trainingRecords,
} from '@nngp-nas/db';
import { type AnyColumn, asc, type SQL, sql } from 'drizzle-orm';
import { resultAtLargestConfig } from '../experiments/largest-config.ts';
import { groupByKey } from '../loaders/group-by-key.ts';
import type { ExportColumns } from './columns.ts';

type Cell = string | number | null;

/**
 * The CSV records of one page of architectures, in the header's column order (see
 * `headerOf`). Related rows come in one query per table for the whole page; training means
 * are computed by the same function as GraphQL's `trainingMeans`, so the values are identical.
 *
 * @example stringify(await pageRecords(db, rows, columns))
 */
export async function pageRecords(
  db: Db,
  rows: readonly ArchitectureRow[],
  columns: ExportColumns,
): Promise<Cell[][]> {
  const hashes = rows.map((r) => r.hash);
  const mnasHashes = rows.filter((r) => r.space === 'mnas').map((r) => r.hash);
  const [training, nngp, proxies, measured] = await Promise.all([
    db
      .select()
      .from(trainingRecords)
      .where(isAnyOf(trainingRecords.moduleHash, hashes))
      .orderBy(
        asc(trainingRecords.moduleHash),
        asc(trainingRecords.epochs),
        asc(trainingRecords.repeat),
      ),
    columns.experiments.length === 0 ? [] : largestConfigResults(db, hashes),
    columns.proxies.length === 0
      ? []
      : db
          .select({
            hash: proxyScores.moduleHash,
            proxy: proxyScores.proxy,
            value: proxyScores.value,
          })
          .from(proxyScores)
          .where(isAnyOf(proxyScores.moduleHash, hashes)),
    mnasHashes.length === 0
      ? []
      : db
          .select({ hash: mnasMeasurements.moduleHash, reward: mnasMeasurements.reward })
          .from(mnasMeasurements)
          .where(isAnyOf(mnasMeasurements.moduleHash, mnasHashes)),
  ]);
  const rewardOf = new Map(measured.map((m) => [m.hash, m.reward]));
  const trainingByRow = groupByKey(hashes, training, (r) => r.moduleHash);
  const nngpByRow = groupByKey(hashes, nngp, (r) => r.hash);
  const proxiesByRow = groupByKey(hashes, proxies, (r) => r.hash);
  return rows.map((row, i) => {
    const means = trainingMeans(trainingByRow[i] ?? []);
    const mean = (epochs: number) => means.find((m) => m.epochs === epochs);
    const validation = (epochs: number) => mean(epochs)?.validationAccuracy ?? null;
    const final: TrainingMeanModel | undefined = mean(GROUND_TRUTH_EPOCHS);
    const accuracyOf = new Map(
      (nngpByRow[i] ?? []).map((r) => [`${r.experimentId}:${r.kind}`, r.accuracy]),
    );
    const proxyOf = new Map((proxiesByRow[i] ?? []).map((r) => [r.proxy, r.value]));
    return [
      row.hash,
      row.trainableParameters,
      row.flops,
      row.residualConnections,
      row.sizeCluster,
      // MNAS networks: the encoding in the operations column, no matrix, the reward as truth.
      row.operations?.join(';') ?? row.encoding,
      row.matrix === null ? null : JSON.stringify(matrixFromText(row.matrix)),
      row.space === 'mnas' ? (rewardOf.get(row.hash) ?? null) : validation(GROUND_TRUTH_EPOCHS),
      validation(4),
      validation(12),
      validation(36),
      validation(GROUND_TRUTH_EPOCHS),
      final?.testAccuracy ?? null,
      final?.trainingTime ?? null,
      ...columns.experiments.map((e) => accuracyOf.get(`${e.id}:${e.kind}`) ?? null),
      ...columns.proxies.map((p) => proxyOf.get(p) ?? null),
    ];
  });
}

/** Each experiment's results (each kernel's) at its own configuration (the largest it ran) for these hashes. */
function largestConfigResults(db: Db, hashes: string[]) {
  return db
    .select({
      hash: nngpResults.moduleHash,
      experimentId: nngpResults.experimentId,
      kind: nngpResults.kind,
      accuracy: nngpResults.accuracy,
    })
    .from(nngpResults)
    .innerJoin(nngpExperiments, resultAtLargestConfig({ everyKernel: true }))
    .where(isAnyOf(nngpResults.moduleHash, hashes));
}

/**
 * `column = ANY($1::text[])` with the hashes as one array parameter: for a 2,000-hash page this
 * plans and runs about three times faster than an IN list of 2,000 parameters.
 */
function isAnyOf(column: AnyColumn, hashes: string[]): SQL {
  return sql`${column} = any(${sql.param(hashes)}::text[])`;
}
