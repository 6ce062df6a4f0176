import type { Command } from 'commander';
import { databaseStats } from '../../nasbench/store/index.ts';
import { log, printJson } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('counts of what the database holds')
    .option('--json', 'print the counts as JSON on stdout')
    .action(async (options: { json?: boolean }) => {
      const stats = await withDatabase((database) => databaseStats(database.pool));
      if (options.json) printJson(stats);
      else for (const [name, value] of Object.entries(stats)) log(`${name.padEnd(30)} ${value}`);
    });
}
