import type { Database, Queryable } from '@nngp-nas/db';
import type { ArchitectureEvaluation, ConfigResult } from '../evaluate.ts';
import { decodeSeedKernel, type SeedKernel } from '../seed-kernel.ts';

/**
 * Stores an architecture's kernels and results in one transaction (re-storing replaces them).
 * Returns the kernel bytes stored.
 */
export async function saveEvaluation(
  database: Database,
  experimentId: number,
  evaluation: ArchitectureEvaluation,
  largest: { nTrain: number; nVal: number },
  engine: { engine: string; backend: string },
): Promise<number> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    let bytes = 0;
    for (const { seed, encoded } of evaluation.kernels) {
      bytes += encoded.data.length;
      await client.query(
        `INSERT INTO nngp_kernels (experiment_id, module_hash, seed, n_train, n_val, representation, width, dtype, data, backend)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (experiment_id, module_hash, seed) DO UPDATE SET
           n_train = EXCLUDED.n_train, n_val = EXCLUDED.n_val, representation = EXCLUDED.representation,
           width = EXCLUDED.width, dtype = EXCLUDED.dtype, data = EXCLUDED.data, backend = EXCLUDED.backend`,
        [
          experimentId,
          evaluation.hash,
          seed,
          largest.nTrain,
          largest.nVal,
          encoded.representation,
          encoded.width,
          encoded.dtype,
          encoded.data,
          engine.backend,
        ],
      );
    }
    await saveResults(client, experimentId, evaluation.hash, evaluation.results, {
      ...engine,
      seconds: evaluation.seconds,
      flops: evaluation.flops,
    });
    await client.query('COMMIT');
    return bytes;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Upserts results per (experiment, architecture, configuration). */
export async function saveResults(
  db: Queryable,
  experimentId: number,
  hash: string,
  results: readonly ConfigResult[],
  run: { engine: string; backend: string; seconds: number; flops: number },
): Promise<void> {
  for (const r of results) {
    await db.query(
      `INSERT INTO nngp_results (experiment_id, module_hash, n_train, n_val, ensemble, accuracy, accuracies,
                                 regularizers, engine, backend, seconds, flops)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (experiment_id, module_hash, n_train, n_val, ensemble) DO UPDATE SET
         accuracy = EXCLUDED.accuracy, accuracies = EXCLUDED.accuracies, regularizers = EXCLUDED.regularizers,
         engine = EXCLUDED.engine, backend = EXCLUDED.backend, seconds = EXCLUDED.seconds, flops = EXCLUDED.flops,
         created_at = now()`,
      [
        experimentId,
        hash,
        r.nTrain,
        r.nVal,
        r.ensemble,
        r.accuracy,
        r.accuracies,
        r.regularizers,
        run.engine,
        run.backend,
        run.seconds,
        run.flops,
      ],
    );
  }
}

/** Architectures of the experiment that already have a result for `config` (resume skips them). */
export async function evaluatedHashes(
  db: Queryable,
  experimentId: number,
  config: { nTrain: number; nVal: number; ensemble: number },
): Promise<Set<string>> {
  const { rows } = await db.query<{ module_hash: string }>(
    `SELECT module_hash FROM nngp_results WHERE experiment_id = $1 AND n_train = $2 AND n_val = $3 AND ensemble = $4`,
    [experimentId, config.nTrain, config.nVal, config.ensemble],
  );
  return new Set(rows.map((r) => r.module_hash));
}

/** The stored per-seed kernels of an architecture, in seed order (seed -1: an ensemble average). */
export async function loadSeedKernels(
  db: Queryable,
  experimentId: number,
  hash: string,
): Promise<{ seed: number; kernel: SeedKernel; backend: string }[]> {
  const { rows } = await db.query<{
    seed: number;
    n_train: number;
    n_val: number;
    representation: 'kernel' | 'features';
    width: number | null;
    dtype: 'float32' | 'float16';
    data: Buffer;
    backend: string;
  }>(
    `SELECT seed, n_train, n_val, representation, width, dtype, data, backend FROM nngp_kernels
      WHERE experiment_id = $1 AND module_hash = $2 ORDER BY seed`,
    [experimentId, hash],
  );
  return rows.map((r) => ({
    seed: r.seed,
    backend: r.backend,
    kernel: decodeSeedKernel(
      { representation: r.representation, width: r.width, dtype: r.dtype, data: r.data },
      r.n_train,
      r.n_val,
    ),
  }));
}

/** One result as `nngp evaluate --json` prints it. */
export interface EvaluationResultJson {
  hash: string;
  nTrain: number;
  nVal: number;
  ensemble: number;
  accuracy: number | null;
  accuracies: (number | null)[];
  regularizers: number[];
  backend: string;
  seconds: number;
  flops: number;
}

/** Results as `nngp evaluate --json` prints them, for the named architectures. */
export async function queryResults(
  db: Queryable,
  experiment: string,
  hashes: readonly string[],
): Promise<EvaluationResultJson[]> {
  const { rows } = await db.query<EvaluationResultJson>(
    `SELECT r.module_hash AS hash, r.n_train AS "nTrain", r.n_val AS "nVal", r.ensemble, r.accuracy,
            r.accuracies, r.regularizers, r.backend, r.seconds, r.flops
       FROM nngp_results r JOIN nngp_experiments e ON e.id = r.experiment_id
      WHERE e.name = $1 AND r.module_hash = ANY($2::text[])
      ORDER BY array_position($2::text[], r.module_hash), r.n_train DESC, r.n_val DESC, r.ensemble DESC`,
    [experiment, hashes],
  );
  return rows;
}
