import { onShutdown, openDatabase, redactUrl } from '@nngp-nas/db';
import type { Command } from 'commander';
import {
  databaseStats,
  importProxyCsv,
  SEARCH_SPACE_SIZE,
  storeEnumeration,
} from '../../nasbench/store/index.ts';
import { log, progressBar } from '../output.ts';
import { defaultProxyFiles, defaultRecordFiles } from '../paths.ts';
import { importRecords } from './import.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('database up, migrations applied, search space and records present; then serve')
    .option(
      '--records <files...>',
      'record files to import (default: downloaded official files, else the shared subset)',
    )
    .option('--proxies <files...>', 'proxy CSVs to import (default: the shared ones)')
    .option('--once', 'exit after setting up instead of serving')
    .action(async (options: { records?: string[]; proxies?: string[]; once?: boolean }) => {
      const database = await openDatabase({ log });
      try {
        const bar = progressBar('enumerating the search space', SEARCH_SPACE_SIZE, 'modules');
        const enumeration = await storeEnumeration(database, { onProgress: (n) => bar.update(n) });
        bar.stop();
        log(
          enumeration.alreadyPresent
            ? `search space: all ${SEARCH_SPACE_SIZE} modules present`
            : `search space: stored ${enumeration.modules} modules in ${enumeration.seconds.toFixed(1)} s`,
        );
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
      } catch (error) {
        await database.close();
        throw error;
      }
      if (options.once) {
        await database.close();
        return;
      }
      const shown = database.mode === 'embedded' ? database.url : redactUrl(database.url);
      log(`serving the database at ${shown}; press Ctrl-C to stop`);
      // The API and dashboard (issues 5 and 6) will be served from here; until then the process
      // keeps the embedded database up for notebooks and other CLI commands.
      await new Promise<void>((resolve) => {
        const keepAlive = setInterval(() => {}, 1 << 30);
        onShutdown(() => {
          clearInterval(keepAlive);
          resolve();
        });
      });
    });
}
