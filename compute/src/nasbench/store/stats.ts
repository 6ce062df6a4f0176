import type { Queryable } from '@nngp-nas/db';
import { GROUND_TRUTH_EPOCHS } from '../../predictors/constants.ts';

export interface DatabaseStats {
  architectures: number;
  architecturesWithGroundTruth: number;
  trainingRecords: number;
  proxyScores: number;
  experiments: number;
  nngpResults: number;
}

/** Row counts of what is stored; ground truth means at least one GROUND_TRUTH_EPOCHS record. */
export async function databaseStats(db: Queryable): Promise<DatabaseStats> {
  const { rows } = await db.query<Record<keyof DatabaseStats, string>>(
    `SELECT (SELECT count(*) FROM architectures) AS "architectures",
            (SELECT count(DISTINCT module_hash) FROM training_records WHERE epochs = $1)
              AS "architecturesWithGroundTruth",
            (SELECT count(*) FROM training_records) AS "trainingRecords",
            (SELECT count(*) FROM proxy_scores) AS "proxyScores",
            (SELECT count(*) FROM nngp_experiments) AS "experiments",
            (SELECT count(*) FROM nngp_results) AS "nngpResults"`,
    [GROUND_TRUTH_EPOCHS],
  );
  const r = rows[0] as Record<keyof DatabaseStats, string>;
  return {
    architectures: Number(r.architectures),
    architecturesWithGroundTruth: Number(r.architecturesWithGroundTruth),
    trainingRecords: Number(r.trainingRecords),
    proxyScores: Number(r.proxyScores),
    experiments: Number(r.experiments),
    nngpResults: Number(r.nngpResults),
  };
}
