import type { ExperimentConfig, Queryable } from '@nngp-nas/db';
import type { NngpCostConfig } from '../metrics/index.ts';

/** Shortened-training budgets compared with the ground truth (108 epochs is the truth itself). */
export const TRAINING_BUDGETS: readonly number[] = Object.freeze([4, 12, 36]);

/** One predictor's values over the architectures of a {@link PredictorTable}. */
export interface PredictorColumn {
  /** 'epochs 4', 'zen_score', 'nngp <experiment> 100/200/2' (n_t/n_v/M). */
  name: string;
  kind: 'training' | 'proxy' | 'nngp';
  /** Where the values come from, in words. */
  source: string;
  /** One per architecture of the table, NaN where that architecture has no value. */
  values: Float64Array;
  /** Epoch budget, for training predictors (their cost). */
  epochs?: number;
  /** NNGP configuration, for NNGP predictors (their cost). */
  nngpConfig?: NngpCostConfig;
  /** The experiment's stem width, when it is not the full 128 the FLOPs column assumes. */
  stemChannels?: number;
}

/** Every architecture with ground truth, its attributes, and every stored predictor. */
export interface PredictorTable {
  hashes: string[];
  /** Mean final validation accuracy over the 108-epoch repeats. */
  truth: Float64Array;
  trainableParameters: Float64Array;
  /** Inference FLOPs per image at full width (`architectures.flops`). */
  inferenceFlops: Float64Array;
  residualConnections: Int32Array;
  sizeCluster: (number | null)[];
  predictors: PredictorColumn[];
}

/**
 * Reads everything the predictor comparison needs: the architectures that have ground truth
 * (ordered by hash), their 4/12/36-epoch final validation accuracy of one repeat (0 unless
 * `repeat` says otherwise), every imported proxy, and every NNGP configuration's accuracy.
 *
 * @example const table = await loadPredictorTable(database.pool); table.truth.length // 10302
 */
export async function loadPredictorTable(
  db: Queryable,
  options: { repeat?: number } = {},
): Promise<PredictorTable> {
  const repeat = options.repeat ?? 0;
  const architectures = await db.query<{
    hash: string;
    truth: number;
    parameters: number;
    flops: string;
    residuals: number;
    cluster: number | null;
  }>(
    `SELECT a.hash, g.truth, a.trainable_parameters AS parameters, a.flops,
            a.residual_connections AS residuals, a.size_cluster AS cluster
       FROM architectures a
       JOIN (SELECT module_hash, avg(final_validation_accuracy) AS truth
               FROM training_records
              WHERE epochs = 108 AND final_validation_accuracy IS NOT NULL
              GROUP BY module_hash) g ON g.module_hash = a.hash
      ORDER BY a.hash`,
  );
  const rows = architectures.rows;
  const position = new Map(rows.map((r, i) => [r.hash, i]));
  const n = rows.length;
  const column = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  const predictors: PredictorColumn[] = [];

  const training = await db.query<{ module_hash: string; epochs: number; accuracy: number }>(
    `SELECT module_hash, epochs, final_validation_accuracy AS accuracy
       FROM training_records
      WHERE epochs = ANY($1::smallint[]) AND repeat = $2 AND final_validation_accuracy IS NOT NULL`,
    [[...TRAINING_BUDGETS], repeat],
  );
  for (const epochs of TRAINING_BUDGETS)
    predictors.push({
      name: `epochs ${epochs}`,
      kind: 'training',
      source: `final validation accuracy after ${epochs} epochs, repeat ${repeat}`,
      values: column(),
      epochs,
    });
  for (const r of training.rows) {
    const at = position.get(r.module_hash);
    const target = predictors.find((p) => p.epochs === r.epochs);
    if (at !== undefined && target) target.values[at] = r.accuracy;
  }

  const proxies = await db.query<{ proxy: string; module_hash: string; value: number }>(
    `SELECT proxy, module_hash, value FROM proxy_scores WHERE value IS NOT NULL ORDER BY proxy`,
  );
  const byProxy = new Map<string, PredictorColumn>();
  for (const r of proxies.rows) {
    let target = byProxy.get(r.proxy);
    if (!target) {
      target = {
        name: r.proxy,
        kind: 'proxy',
        source: `imported proxy '${r.proxy}'`,
        values: column(),
      };
      byProxy.set(r.proxy, target);
      predictors.push(target);
    }
    const at = position.get(r.module_hash);
    // NaN and ±Infinity scores (a failed proxy computation) count as missing.
    if (at !== undefined && Number.isFinite(r.value)) target.values[at] = r.value;
  }

  const nngp = await db.query<{
    name: string;
    config: ExperimentConfig;
    n_train: number;
    n_val: number;
    ensemble: number;
    module_hash: string;
    accuracy: number;
  }>(
    `SELECT e.name, e.config, r.n_train, r.n_val, r.ensemble, r.module_hash, r.accuracy
       FROM nngp_results r JOIN nngp_experiments e ON e.id = r.experiment_id
      WHERE r.accuracy IS NOT NULL
      ORDER BY e.name, r.n_train, r.n_val, r.ensemble`,
  );
  const byConfig = new Map<string, PredictorColumn>();
  for (const r of nngp.rows) {
    const name = `nngp ${r.name} ${r.n_train}/${r.n_val}/${r.ensemble}`;
    let target = byConfig.get(name);
    if (!target) {
      const stem = r.config.stemChannels;
      const stacks = r.config.stacks;
      target = {
        name,
        kind: 'nngp',
        source: `NNGP accuracy, experiment '${r.name}', n_t ${r.n_train}, n_v ${r.n_val}, M ${r.ensemble}`,
        values: column(),
        nngpConfig: {
          nTrain: r.n_train,
          nVal: r.n_val,
          ensemble: r.ensemble,
          // Pooled features double with every stack after the first.
          width: stem * 2 ** (stacks - 1),
        },
        ...(stem === 128 ? {} : { stemChannels: stem }),
      };
      byConfig.set(name, target);
      predictors.push(target);
    }
    const at = position.get(r.module_hash);
    if (at !== undefined) target.values[at] = r.accuracy;
  }

  return {
    hashes: rows.map((r) => r.hash),
    truth: Float64Array.from(rows, (r) => r.truth),
    trainableParameters: Float64Array.from(rows, (r) => r.parameters),
    inferenceFlops: Float64Array.from(rows, (r) => Number(r.flops)),
    residualConnections: Int32Array.from(rows, (r) => r.residuals),
    sizeCluster: rows.map((r) => r.cluster),
    predictors,
  };
}
