import type { Command } from 'commander';
import { checkInputFile } from '../../nasbench/records/index.ts';
import { importProxyCsv } from '../../nasbench/store/index.ts';
import { log, printJson } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function registerProxies(program: Command): void {
  const proxies = program.command('proxies').description('zero-cost proxy scores from other work');
  proxies
    .command('import')
    .description('import a CSV keyed by module_hash; every other column is one named proxy')
    .argument('<file>', 'the .csv file')
    .option('--json', 'print a JSON summary on stdout')
    .action(async (file: string, options: { json?: boolean }) => {
      // A bad path fails here, before an embedded database is started for nothing.
      await checkInputFile(file, 'proxy file');
      const summary = await withDatabase((database) => importProxyCsv(database, file));
      if (options.json) printJson(summary);
      else {
        log(
          `${file}: ${summary.scores} scores of ${summary.proxies.join(', ')} (${summary.unchanged} unchanged)`,
        );
        if (summary.unknownModules > 0) {
          log(
            `${summary.unknownModules} rows name modules that are not stored (run \`pnpm nngp nasbench enumerate\`)`,
          );
        }
      }
    });
}
