import type { Database } from '@nngp-nas/db';
import { upsertArchitectures } from './architectures.ts';
import { enumeratedRowBatches } from './enumerated-row-batches.ts';
import { vacuumTable } from './planner-statistics.ts';
import { refreshSizeClusters } from './size-clusters.ts';

/** Number of unique modules in the NAS-Bench-101 space. */
export const SEARCH_SPACE_SIZE = 423_624;

export interface StoreEnumerationResult {
  modules: number;
  written: number;
  alreadyPresent: boolean;
  seconds: number;
}

export interface StoreEnumerationOptions {
  batchSize?: number;
  /** Modules enumerated so far, after each batch. */
  onProgress?: (modules: number) => void;
  /** Aborting stops at the next batch (what was written stays); the call rejects with the reason. */
  signal?: AbortSignal;
}

/**
 * Makes sure every module of the space is stored with its enumeration index; a no-op when all
 * 423,624 already are. Idempotent: an interrupted run is completed by the next one. The modules
 * are enumerated on a worker thread, so a server in this process keeps answering meanwhile.
 *
 * @example await storeEnumeration(database, { onProgress: (done) => bar.update(done) });
 */
export async function storeEnumeration(
  database: Database,
  options: StoreEnumerationOptions = {},
): Promise<StoreEnumerationResult> {
  const started = performance.now();
  const present = await database.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM architectures WHERE enumeration_index IS NOT NULL',
  );
  if (Number(present.rows[0]?.n) === SEARCH_SPACE_SIZE) {
    return { modules: SEARCH_SPACE_SIZE, written: 0, alreadyPresent: true, seconds: 0 };
  }
  const { signal } = options;
  let modules = 0;
  let written = 0;
  // One insert in flight while the worker enumerates the next batch: Postgres works on
  // another core.
  let inFlight: Promise<number> = Promise.resolve(0);
  try {
    for await (const rows of enumeratedRowBatches({
      batchSize: options.batchSize ?? 5000,
      ...(signal ? { signal } : {}),
    })) {
      written += await inFlight;
      inFlight = Promise.resolve(0);
      signal?.throwIfAborted();
      inFlight = upsertArchitectures(database.pool, rows);
      modules += rows.length;
      options.onProgress?.(modules);
    }
  } finally {
    // Never leave an insert running unobserved, also when the enumeration failed or was aborted.
    written += await inFlight.catch((error: unknown) => {
      if (signal?.aborted) return 0;
      throw error;
    });
  }
  await refreshSizeClusters(database.pool);
  await vacuumTable(database.pool, 'architectures');
  return { modules, written, alreadyPresent: false, seconds: (performance.now() - started) / 1000 };
}
