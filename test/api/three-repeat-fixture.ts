import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  encodeModelMetrics,
  readNasbenchRecords,
  writeTfRecords,
} from '../../compute/src/nasbench/records/index.ts';
import type { NasbenchRecord } from '../../compute/src/nasbench/records/record.ts';
import { FIXTURE, seededRandom, ZEN_CSV } from '../../compute/test/support/fixtures.ts';

/** The budgets every module of the generated fixture is trained at, three times each. */
const BUDGETS = [4, 12, 36, 108] as const;
/** Largest change a derived repeat makes to the real validation accuracy. */
const SPREAD = 0.02;

/** Files of a generated fixture: the records and the matching Zen-score proxy CSV. */
export interface ThreeRepeatFixture {
  records: string;
  proxies: string;
  hashes: string[];
}

/**
 * Writes a NAS-Bench-101 record file with three distinct repeats per budget (4/12/36/108) for
 * the first `modules` modules of the shared fixture that have every budget, and the Zen-score
 * CSV of those modules. Repeat 0 is the real record; repeats 1 and 2 are the same record with
 * the final validation accuracy moved by a seeded uniform amount in ±0.02 (mulberry32, seed
 * `seed`): derived data, deterministic, not measured training runs.
 *
 * @example const f = await writeThreeRepeatFixture(dir, 200); await importRecordFile(db, f.records);
 */
export async function writeThreeRepeatFixture(
  dir: string,
  modules: number,
  seed = 11,
): Promise<ThreeRepeatFixture> {
  const byHash = new Map<string, Map<number, NasbenchRecord>>();
  for await (const { record } of readNasbenchRecords(FIXTURE)) {
    let budgets = byHash.get(record.moduleHash);
    if (budgets === undefined) {
      budgets = new Map();
      byHash.set(record.moduleHash, budgets);
    }
    if (!budgets.has(record.epochs)) budgets.set(record.epochs, record);
  }
  const chosen = [...byHash.entries()]
    .filter(([, budgets]) => BUDGETS.every((e) => budgets.get(e) !== undefined))
    .slice(0, modules);
  const random = seededRandom(seed);
  const payloads: Buffer[] = [];
  for (const [, budgets] of chosen)
    for (const epochs of BUDGETS) {
      const real = budgets.get(epochs) as NasbenchRecord;
      for (let repeat = 0; repeat < 3; repeat++) {
        const shift = repeat === 0 ? 0 : (2 * random() - 1) * SPREAD;
        payloads.push(payloadOf(real, shift));
      }
    }
  const records = path.join(dir, 'three-repeats.tfrecord');
  await writeTfRecords(records, payloads);
  const hashes = chosen.map(([hash]) => hash);
  const proxies = path.join(dir, 'three-repeats-zen.csv');
  const wanted = new Set(hashes);
  const [header, ...lines] = (await readFile(ZEN_CSV, 'utf8')).trim().split('\n');
  await writeFile(
    proxies,
    `${[header, ...lines.filter((l) => wanted.has(l.split(',')[0] as string))].join('\n')}\n`,
  );
  return { records, proxies, hashes };
}

/** The record's payload with its final validation accuracy moved by `shift`, kept in [0, 1]. */
function payloadOf(record: NasbenchRecord, shift: number): Buffer {
  const evaluationData = record.metrics.evaluationData.map((e, i, all) =>
    i === all.length - 1 && e.validationAccuracy !== null
      ? { ...e, validationAccuracy: Math.min(1, Math.max(0, e.validationAccuracy + shift)) }
      : e,
  );
  const metrics = encodeModelMetrics({ ...record.metrics, evaluationData });
  return Buffer.from(
    JSON.stringify([
      record.moduleHash,
      record.epochs,
      record.matrixText,
      record.operations.join(','),
      metrics.toString('base64'),
    ]),
  );
}
