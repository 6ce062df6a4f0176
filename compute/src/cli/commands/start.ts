import { onShutdown, openDatabase, redactUrl } from '@nngp-nas/db';
import type { Command } from 'commander';
import { prepareDatabase } from '../../nasbench/store/index.ts';
import { log, progressBar } from '../output.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'database up, migrations applied, search space and records present; then keep the database up',
    )
    .option(
      '--records <files...>',
      'record files to import (default: downloaded official files, else the shared subset)',
    )
    .option('--proxies <files...>', 'proxy CSVs to import (default: the shared ones)')
    .option('--once', 'exit after setting up instead of serving')
    .action(async (options: { records?: string[]; proxies?: string[]; once?: boolean }) => {
      const database = await openDatabase({ log });
      try {
        await prepareDatabase(database, {
          ...(options.records ? { records: options.records } : {}),
          ...(options.proxies ? { proxies: options.proxies } : {}),
          log,
          // A bar on a terminal, lines every 5 s or 10 % otherwise.
          showProgress: progressBar,
        });
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
      // `pnpm start` (server/src/main.ts) also serves the API; this command only keeps the
      // database up for notebooks and other CLI commands.
      await new Promise<void>((resolve) => {
        const keepAlive = setInterval(() => {}, 1 << 30);
        onShutdown(() => {
          clearInterval(keepAlive);
          resolve();
        });
      });
    });
}
