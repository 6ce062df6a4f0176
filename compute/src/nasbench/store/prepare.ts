import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '@nngp-nas/db';
import { describeLoad, loadResults } from '../../results/index.ts';
import { defaultProxyFiles, defaultRecordFiles } from '../data-files.ts';
import { SEARCH_SPACE_SIZE, storeEnumeration } from './enumeration.ts';
import { type Progress, progressLines, type ShowProgress } from './progress-lines.ts';
import { importProxyCsv } from './proxy-import.ts';
import { type DatabaseStats, databaseStats } from './stats.ts';
import { importRecordFile } from './training-import.ts';

/** Where a data step stands: `done` of `total` `unit`s of `step` (e.g. 'search space'). */
export interface StepProgress {
  step: string;
  done: number;
  total: number;
  unit: string;
}

export interface PrepareOptions {
  /** Record files to import (default: the downloaded official files, else the shared subset). */
  records?: string[];
  /** Proxy CSVs to import (default: the shared ones). */
  proxies?: string[];
  /** Directory of committed NNGP results to load (default: results/; null to skip). */
  results?: string | null;
  log: (line: string) => void;
  /** Every progress update of every step (e.g. for the API's /health). */
  onProgress?: (progress: StepProgress) => void;
  /** How a step's progress is shown; default: a line on `log` every 5 s or 10 % (progressLines). */
  showProgress?: ShowProgress;
  /** Aborting stops at the next batch (what was committed stays); the call rejects. */
  signal?: AbortSignal;
}

/**
 * What `pnpm start` makes sure of before serving: the whole search space stored, the record files
 * and proxy scores imported, the committed NNGP results (results/) loaded. Every step is idempotent, so a second start is quick. Long steps
 * report their progress (`showProgress`, `onProgress`) as they go.
 *
 * @example const stats = await prepareDatabase(database, { log: console.error });
 */
export async function prepareDatabase(
  database: Database,
  options: PrepareOptions,
): Promise<DatabaseStats> {
  const { log, signal } = options;
  const show: ShowProgress =
    options.showProgress ?? ((label, total, unit) => progressLines(label, total, unit, log));
  /** The step's progress shown and reported. */
  const track = (step: string, total: number, unit: string): Progress => {
    const shown = show(step, total, unit);
    const report = (done: number) => options.onProgress?.({ step, done, total, unit });
    report(0);
    return {
      update: (done, newTotal) => {
        if (newTotal !== undefined) total = newTotal;
        shown.update(done, total);
        report(done);
      },
      stop: () => shown.stop(),
    };
  };
  const step = async <T>(progress: Progress, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } finally {
      progress.stop();
    }
  };

  const space = track('search space', SEARCH_SPACE_SIZE, 'modules');
  const enumeration = await step(space, () =>
    storeEnumeration(database, {
      onProgress: (modules) => space.update(modules),
      ...(signal ? { signal } : {}),
    }),
  );
  log(
    enumeration.alreadyPresent
      ? `search space: all ${SEARCH_SPACE_SIZE} modules present`
      : `search space: stored ${enumeration.modules} modules in ${enumeration.seconds.toFixed(1)} s`,
  );
  for (const file of options.records ?? defaultRecordFiles()) {
    signal?.throwIfAborted();
    // The import names a missing file itself; until then its size is simply unknown.
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    const records = track(`records ${basename(file)}`, size, 'bytes');
    const s = await step(records, () =>
      importRecordFile(database, file, {
        onProgress: (p) => records.update(p.bytes, p.totalBytes),
      }),
    );
    log(
      `records: ${file}: ${s.records} records of ${s.modules} modules (${s.skipped} already stored)`,
    );
  }
  const proxies = options.proxies ?? defaultProxyFiles();
  for (const [index, file] of proxies.entries()) {
    signal?.throwIfAborted();
    options.onProgress?.({ step: 'proxies', done: index, total: proxies.length, unit: 'files' });
    const s = await importProxyCsv(database, file);
    log(
      `proxies: ${file}: ${s.proxies.length} proxies, ${s.scores} scores (${s.unchanged} already stored)`,
    );
  }
  if (options.results !== null) {
    signal?.throwIfAborted();
    options.onProgress?.({ step: 'results', done: 0, total: 1, unit: 'directories' });
    const loaded = await loadResults(database, {
      ...(options.results !== undefined ? { dir: options.results } : {}),
    });
    for (const l of loaded) log(describeLoad(l));
  }
  const stats = await databaseStats(database.pool);
  log(`database ready (${database.mode}): ${JSON.stringify(stats)}`);
  return stats;
}
