import type { Database, KernelKind, Queryable } from '@nngp-nas/db';
import type { ArchitectureEvaluation, ConfigResult, KernelEvaluation } from '../evaluate.ts';
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
    const runs: [KernelKind, KernelEvaluation][] = [['nngp', evaluation]];
    if (evaluation.ntk) runs.push(['ntk', evaluation.ntk]);
    for (const [kind, run] of runs) {
      bytes += await saveKernels(client, experimentId, evaluation.hash, kind, run, largest, engine);
      await saveResults(client, experimentId, evaluation.hash, run.results, {
        ...engine,
        kind,
        seconds: run.seconds,
        flops: run.flops,
      });
    }
    await client.query('COMMIT');
    return bytes;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function saveKernels(
  db: Queryable,
  experimentId: number,
  hash: string,
  kind: KernelKind,
  run: KernelEvaluation,
  largest: { nTrain: number; nVal: number },
  engine: { backend: string },
): Promise<number> {
  let bytes = 0;
  for (const { seed, encoded } of run.kernels) {
    bytes += encoded.data.length;
    await db.query(
      `INSERT INTO nngp_kernels (experiment_id, module_hash, kind, seed, n_train, n_val, representation, width, dtype, data, backend)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (experiment_id, module_hash, kind, seed) DO UPDATE SET
         n_train = EXCLUDED.n_train, n_val = EXCLUDED.n_val, representation = EXCLUDED.representation,
         width = EXCLUDED.width, dtype = EXCLUDED.dtype, data = EXCLUDED.data, backend = EXCLUDED.backend`,
      [
        experimentId,
        hash,
        kind,
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
  return bytes;
}

/** Upserts results per (experiment, architecture, kernel kind, configuration); kind defaults to 'nngp'. */
export async function saveResults(
  db: Queryable,
  experimentId: number,
  hash: string,
  results: readonly ConfigResult[],
  run: { engine: string; backend: string; seconds: number; flops: number; kind?: KernelKind },
): Promise<void> {
  for (const r of results) {
    await db.query(
      `INSERT INTO nngp_results (experiment_id, module_hash, kind, n_train, n_val, ensemble, accuracy, accuracies,
                                 regularizers, engine, backend, seconds, flops)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (experiment_id, module_hash, kind, n_train, n_val, ensemble) DO UPDATE SET
         accuracy = EXCLUDED.accuracy, accuracies = EXCLUDED.accuracies, regularizers = EXCLUDED.regularizers,
         engine = EXCLUDED.engine, backend = EXCLUDED.backend, seconds = EXCLUDED.seconds, flops = EXCLUDED.flops,
         created_at = now()`,
      [
        experimentId,
        hash,
        run.kind ?? 'nngp',
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

/**
 * Architectures of the experiment that already have a result for `config` of every kernel kind
 * in `kinds` (resume skips them).
 */
export async function evaluatedHashes(
  db: Queryable,
  experimentId: number,
  config: { nTrain: number; nVal: number; ensemble: number },
  kinds: readonly KernelKind[] = ['nngp'],
): Promise<Set<string>> {
  const { rows } = await db.query<{ module_hash: string }>(
    `SELECT module_hash FROM nngp_results
      WHERE experiment_id = $1 AND n_train = $2 AND n_val = $3 AND ensemble = $4 AND kind = ANY($5::text[])
      GROUP BY module_hash HAVING count(DISTINCT kind) = cardinality($5::text[])`,
    [experimentId, config.nTrain, config.nVal, config.ensemble, [...new Set(kinds)]],
  );
  return new Set(rows.map((r) => r.module_hash));
}

/** The stored per-seed kernels of an architecture, in seed order (seed -1: an ensemble average). */
export async function loadSeedKernels(
  db: Queryable,
  experimentId: number,
  hash: string,
  kind: KernelKind = 'nngp',
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
      WHERE experiment_id = $1 AND module_hash = $2 AND kind = $3 ORDER BY seed`,
    [experimentId, hash, kind],
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
  kind: KernelKind;
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
    `SELECT r.module_hash AS hash, r.kind, r.n_train AS "nTrain", r.n_val AS "nVal", r.ensemble, r.accuracy,
            r.accuracies, r.regularizers, r.backend, r.seconds, r.flops
       FROM nngp_results r JOIN nngp_experiments e ON e.id = r.experiment_id
      WHERE e.name = $1 AND r.module_hash = ANY($2::text[])
      ORDER BY array_position($2::text[], r.module_hash), r.kind, r.n_train DESC, r.n_val DESC, r.ensemble DESC`,
    [experiment, hashes],
  );
  return rows;
}
