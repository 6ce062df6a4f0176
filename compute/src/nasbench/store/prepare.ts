import type { Database } from '@nngp-nas/db';
import { defaultProxyFiles, defaultRecordFiles } from '../data-files.ts';
import { SEARCH_SPACE_SIZE, storeEnumeration } from './enumeration.ts';
import { importProxyCsv } from './proxy-import.ts';
import { type DatabaseStats, databaseStats } from './stats.ts';
import { type ImportSummary, importRecordFile } from './training-import.ts';

export interface PrepareOptions {
  /** Record files to import (default: the downloaded official files, else the shared subset). */
  records?: string[];
  /** Proxy CSVs to import (default: the shared ones). */
  proxies?: string[];
  log: (line: string) => void;
  onEnumeration?: (modules: number) => void;
  /** Wraps each record import (e.g. to draw a progress bar); plain import by default. */
  importRecords?: (database: Database, file: string) => Promise<ImportSummary>;
}

/**
 * What `pnpm start` makes sure of before serving: the whole search space stored, the record files
 * and proxy scores imported. Every step is idempotent, so a second start is quick.
 *
 * @example const stats = await prepareDatabase(database, { log: console.error });
 */
export async function prepareDatabase(
  database: Database,
  options: PrepareOptions,
): Promise<DatabaseStats> {
  const { log } = options;
  const enumeration = await storeEnumeration(database, {
    ...(options.onEnumeration ? { onProgress: options.onEnumeration } : {}),
  });
  log(
    enumeration.alreadyPresent
      ? `search space: all ${SEARCH_SPACE_SIZE} modules present`
      : `search space: stored ${enumeration.modules} modules in ${enumeration.seconds.toFixed(1)} s`,
  );
  const importRecords = options.importRecords ?? importRecordFile;
  for (const file of options.records ?? defaultRecordFiles()) {
    const s = await importRecords(database, file);
    log(
      `records: ${file}: ${s.records} records of ${s.modules} modules (${s.skipped} already stored)`,
    );
  }
  for (const file of options.proxies ?? defaultProxyFiles()) {
    const s = await importProxyCsv(database, file);
    log(
      `proxies: ${file}: ${s.proxies.length} proxies, ${s.scores} scores (${s.unchanged} already stored)`,
    );
  }
  const stats = await databaseStats(database.pool);
  log(`database ready (${database.mode}): ${JSON.stringify(stats)}`);
  return stats;
}
