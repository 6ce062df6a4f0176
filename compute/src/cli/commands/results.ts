import type { Command } from 'commander';
import { describeLoad, exportResults, loadResults, RESULTS_DIR } from '../../results/index.ts';
import { log, printJson } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function registerResults(program: Command): void {
  const results = program
    .command('results')
    .description("the study's NNGP results as committed files (results/*.json + *.csv.gz)");
  results
    .command('export')
    .description('write experiments from the database as <name>.json and <name>.csv.gz')
    .option('--experiment <name...>', 'experiments to write (default: every one)')
    .option('--dir <dir>', 'where to write them', RESULTS_DIR)
    .option('--json', 'print a JSON summary on stdout')
    .action(async (options: { experiment?: string[]; dir: string; json?: boolean }) => {
      const written = await withDatabase((database) =>
        exportResults(database, {
          dir: options.dir,
          ...(options.experiment ? { experiments: options.experiment } : {}),
        }),
      );
      if (options.json) printJson(written);
      for (const w of written)
        log(`${w.name}: ${w.rows} rows, ${w.architectures} architectures → ${options.dir}`);
    });
  results
    .command('load')
    .description('store the results files of a directory into the database (idempotent)')
    .option('--dir <dir>', 'where the files are', RESULTS_DIR)
    .option('--json', 'print a JSON summary on stdout')
    .action(async (options: { dir: string; json?: boolean }) => {
      const loaded = await withDatabase((database) => loadResults(database, { dir: options.dir }));
      if (options.json) printJson(loaded);
      for (const l of loaded) log(describeLoad(l));
      if (loaded.length === 0) log(`no results files in ${options.dir}`);
    });
}
