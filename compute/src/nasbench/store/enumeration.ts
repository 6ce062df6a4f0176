import type { Database } from '@nngp-nas/db';
import { enumerateModules } from '../enumerate.ts';
import { architectureRow } from './architecture-rows.ts';
import { upsertArchitectures } from './architectures.ts';
import { analyzeTables } from './planner-statistics.ts';
import { refreshSizeClusters } from './size-clusters.ts';

/** Number of unique modules in the NAS-Bench-101 space. */
export const SEARCH_SPACE_SIZE = 423_624;

export interface StoreEnumerationResult {
  modules: number;
  written: number;
  alreadyPresent: boolean;
  seconds: number;
}

/**
 * Makes sure every module of the space is stored with its enumeration index; a no-op when all
 * 423,624 already are. Idempotent: an interrupted run is completed by the next one.
 *
 * @example await storeEnumeration(database, { onProgress: (done) => bar.update(done) });
 */
export async function storeEnumeration(
  database: Database,
  options: { batchSize?: number; onProgress?: (modules: number) => void } = {},
): Promise<StoreEnumerationResult> {
  const started = performance.now();
  const present = await database.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM architectures WHERE enumeration_index IS NOT NULL',
  );
  if (Number(present.rows[0]?.n) === SEARCH_SPACE_SIZE) {
    return { modules: SEARCH_SPACE_SIZE, written: 0, alreadyPresent: true, seconds: 0 };
  }
  const batchSize = options.batchSize ?? 5000;
  let batch = [];
  let modules = 0;
  let written = 0;
  // One insert in flight while the next batch is enumerated: Postgres works on the other core.
  let inFlight: Promise<number> = Promise.resolve(0);
  for (const m of enumerateModules()) {
    batch.push(architectureRow(m.hash, m.matrix, m.ops, m.index));
    modules++;
    if (batch.length === batchSize) {
      written += await inFlight;
      inFlight = upsertArchitectures(database.pool, batch);
      batch = [];
      options.onProgress?.(modules);
    }
  }
  written += await inFlight;
  written += await upsertArchitectures(database.pool, batch);
  options.onProgress?.(modules);
  await refreshSizeClusters(database.pool);
  await analyzeTables(database.pool, ['architectures']);
  return { modules, written, alreadyPresent: false, seconds: (performance.now() - started) / 1000 };
}
