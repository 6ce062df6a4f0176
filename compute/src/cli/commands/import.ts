import type { Command } from 'commander';
import { checkInputFile } from '../../nasbench/records/index.ts';
import { importRecordFile } from '../../nasbench/store/index.ts';
import { UsageError } from '../errors.ts';
import { log, printJson, progressBar } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function registerImport(nasbench: Command): void {
  nasbench
    .command('import')
    .description('import a NAS-Bench-101 record file (nasbench_full / nasbench_only108 format)')
    .argument('<file>', 'the .tfrecord file')
    .option('--force', 're-read a file whose import already completed')
    .option('--batch-size <n>', 'records per transaction', '2000')
    .option('--json', 'print {"records","modules","repeats","skipped"} on stdout')
    .action(
      async (file: string, options: { force?: boolean; batchSize: string; json?: boolean }) => {
        const batchSize = Number(options.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1) {
          throw new UsageError(
            `--batch-size must be a positive integer, got '${options.batchSize}'`,
          );
        }
        // A bad path fails here, before an embedded database is started for nothing.
        await checkInputFile(file, 'record file');
        const summary = await withDatabase((database) => importRecords(database, file, options));
        if (options.json) printJson(summary);
        else
          log(
            `${file}: ${summary.records} records, ${summary.modules} modules, ${summary.skipped} unchanged`,
          );
      },
    );
}

/** Imports one record file with a progress bar (`nasbench import`). */
export async function importRecords(
  database: Parameters<typeof importRecordFile>[0],
  file: string,
  options: { force?: boolean; batchSize?: string | number } = {},
) {
  const size = await checkInputFile(file, 'record file');
  const bar = progressBar(`importing ${file}`, size, 'bytes');
  try {
    return await importRecordFile(database, file, {
      force: options.force ?? false,
      batchSize: Number(options.batchSize ?? 2000),
      onProgress: (p) => bar.update(p.bytes),
    });
  } finally {
    bar.stop();
  }
}
