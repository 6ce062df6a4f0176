/**
 * `pnpm bench`: figures for the search space and record import, printed as a table (and as JSON
 * with --json). Speed targets are checked here, never in tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '@nngp-nas/db/testing';
import { enumerateModules } from '../src/nasbench/index.ts';
import { readNasbenchRecords } from '../src/nasbench/records/index.ts';
import { importRecordFile, storeEnumeration } from '../src/nasbench/store/index.ts';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../shared/data/nasbench101/nb101_subset.tfrecord',
);

import { benchEngines } from './engines.ts';
import type { Figure } from './figure.ts';
import { benchInference } from './inference.ts';
import { benchMetrics } from './metrics.ts';
import { benchNngp } from './nngp.ts';
import { benchNtk } from './ntk.ts';

const figures: Figure[] = [];
const report = (f: Figure) => {
  figures.push(f);
  process.stderr.write(
    `${f.name.padEnd(44)} ${f.value.toFixed(f.value < 100 ? 2 : 0).padStart(12)} ${f.unit}${f.note ? `  (${f.note})` : ''}\n`,
  );
};

function benchEnumeration(): void {
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = 0;
  const started = performance.now();
  let modules = 0;
  for (const _ of enumerateModules({
    onProgress: () => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
    },
  })) {
    modules++;
  }
  const seconds = (performance.now() - started) / 1000;
  report({
    name: 'enumeration: time (one core)',
    value: seconds,
    unit: 's',
    note: `target < 60 s, ${modules} modules`,
  });
  report({ name: 'enumeration: rate', value: modules / seconds, unit: 'modules/s' });
  report({ name: 'enumeration: peak heap growth', value: peakHeap / 2 ** 20, unit: 'MiB' });
}

async function benchRecordReading(): Promise<void> {
  const started = performance.now();
  let records = 0;
  for await (const _ of readNasbenchRecords(FIXTURE)) records++;
  const seconds = (performance.now() - started) / 1000;
  report({
    name: 'record reading (CRC + parse): rate',
    value: records / seconds,
    unit: 'records/s',
  });
}

async function benchDatabase(): Promise<void> {
  const database = await createTestDatabase();
  try {
    const imported = await importRecordFile(database, FIXTURE);
    report({
      name: 'import into an empty database: rate',
      value: imported.records / imported.seconds,
      unit: 'records/s',
      note: `${imported.records} records in ${imported.seconds.toFixed(1)} s, ${database.mode}`,
    });
    const again = await importRecordFile(database, FIXTURE, { force: true });
    report({
      name: 're-import (all unchanged, --force): rate',
      value: again.records / again.seconds,
      unit: 'records/s',
    });
    const stored = await storeEnumeration(database);
    report({
      name: 'enumerate + store the space: time',
      value: stored.seconds,
      unit: 's',
      note: `${stored.written} rows written`,
    });
  } finally {
    await database.close();
  }
}

// --engines: only the tfjs-against-onnx figures (a few minutes instead of the whole bench).
// --ntk: only the NTK-beside-NNGP figures.
if (process.argv.includes('--engines')) await benchEngines(report);
else if (process.argv.includes('--ntk')) await benchNtk(report);
else {
  benchEnumeration();
  if (existsSync(FIXTURE)) {
    await benchRecordReading();
    await benchDatabase();
  } else {
    process.stderr.write(`(no ${FIXTURE}: record benchmarks skipped)\n`);
  }
  await benchNngp(report);
  await benchEngines(report);
  await benchNtk(report);
  for (const figure of await benchInference()) report(figure);
  for (const figure of await benchMetrics()) report(figure);
}
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
