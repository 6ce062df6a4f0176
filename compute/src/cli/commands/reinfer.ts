import type { Command } from 'commander';
import { parseConfigs } from '../../nngp/configs.ts';
import { reinferExperiment } from '../../nngp/reinfer.ts';
import { UsageError } from '../errors.ts';
import { log, printJson, progressBar } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function registerReinfer(program: Command): void {
  program
    .command('reinfer')
    .description(
      're-run NNGP inference from stored kernels (no forward pass): other configurations or another grid',
    )
    .requiredOption('--experiment <name>', 'the experiment whose kernels to use')
    .option(
      '--configs <list>',
      "configurations to (re)compute, e.g. 100x200x1 (default: the experiment's)",
    )
    .option('--regularizers <list>', 'comma-separated grid instead of logspace(-7, 2, 20)')
    .option('--json', 'print {"experiment","architectures","results"} on stdout')
    .action(
      async (flags: {
        experiment: string;
        configs?: string;
        regularizers?: string;
        json?: boolean;
      }) => {
        const regularizers = flags.regularizers?.split(',').map((r) => {
          const value = Number(r);
          if (!(value > 0)) throw new UsageError(`--regularizers: '${r}' is not a positive number`);
          return value;
        });
        const summary = await withDatabase(async (database) => {
          let bar = progressBar('re-inferring', 1, 'architectures');
          const result = await reinferExperiment(database, flags.experiment, {
            ...(flags.configs ? { configs: parseConfigs(flags.configs) } : {}),
            ...(regularizers ? { regularizers } : {}),
            onStart: (n) => {
              bar.stop();
              bar = progressBar('re-inferring', n, 'architectures');
            },
            onArchitecture: (done) => bar.update(done),
          });
          bar.stop();
          return result;
        });
        if (flags.json) printJson(summary);
        else
          log(
            `${summary.experiment}: ${summary.results} results for ${summary.architectures} architectures from stored kernels`,
          );
      },
    );
}
