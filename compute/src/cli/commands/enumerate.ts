import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { enumerateModules } from '../../nasbench/enumerate.ts';
import { matrixFromText } from '../../nasbench/matrix.ts';
import { architectureRow } from '../../nasbench/store/architecture-rows.ts';
import { SEARCH_SPACE_SIZE, storeEnumeration } from '../../nasbench/store/index.ts';
import { log, printJson, progressBar } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function registerEnumerate(nasbench: Command): void {
  nasbench
    .command('enumerate')
    .description('enumerate all 423,624 modules in NAS-Bench-101 order; store them in the database')
    .option('--out <file>', 'also write one JSON object per module to FILE (.jsonl)')
    .option('--no-db', 'do not touch the database')
    .option('--json', 'print a JSON summary on stdout')
    .action(async (options: { out?: string; db: boolean; json?: boolean }) => {
      const summary: Record<string, unknown> = { modules: SEARCH_SPACE_SIZE };
      if (options.out) summary.out = await writeJsonLines(options.out);
      if (options.db) {
        summary.database = await withDatabase(async (database) => {
          const bar = progressBar('storing', SEARCH_SPACE_SIZE, 'modules');
          const result = await storeEnumeration(database, { onProgress: (n) => bar.update(n) });
          bar.stop();
          return result;
        });
      }
      if (options.json) printJson(summary);
      else log(`enumerated ${SEARCH_SPACE_SIZE} modules`);
    });
}

async function writeJsonLines(
  path: string,
): Promise<{ path: string; modules: number; seconds: number }> {
  const started = performance.now();
  const out = createWriteStream(path);
  const bar = progressBar('enumerating', SEARCH_SPACE_SIZE, 'modules');
  let modules = 0;
  for (const m of enumerateModules()) {
    const row = architectureRow(m.hash, m.matrix, m.ops, m.index);
    const line = JSON.stringify({
      hash: row.hash,
      matrix: matrixFromText(row.matrix),
      ops: row.operations,
      trainableParameters: row.trainableParameters,
      flops: row.flops,
      residualConnections: row.residualConnections,
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    if (++modules % 5000 === 0) bar.update(modules);
  }
  bar.update(modules);
  bar.stop();
  out.end();
  await once(out, 'finish');
  return { path, modules, seconds: (performance.now() - started) / 1000 };
}
