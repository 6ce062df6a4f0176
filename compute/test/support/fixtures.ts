import path from 'node:path';
import { createRandom, type Random } from '../../src/datasets/random.ts';
import { readNasbenchRecords } from '../../src/nasbench/records/index.ts';

/** Repository root: this file is compute/test/support/fixtures.ts. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Shared development data, read in place: never copied into the repository. */
export const SHARED_DATA = path.resolve(repoRoot, '../shared/data');
export const FIXTURE = path.join(SHARED_DATA, 'nasbench101/nb101_subset.tfrecord');
export const FIXTURE_RECORDS = 41_156;
export const FIXTURE_MODULES = 10_302;
export const ZEN_CSV = path.join(SHARED_DATA, 'proxies/nb101_zen_score.csv');
export const ZERO_COST_CSV = path.join(SHARED_DATA, 'proxies/nb101_zero_cost_proxies.csv');

export interface FixtureModule {
  hash: string;
  matrixText: string;
  matrix: number[][];
  operations: string[];
  trainableParameters: number | null;
}

let modules: Promise<Map<string, FixtureModule>> | undefined;

/** Every module of the record fixture, as its records store it (read once per test file). */
export function fixtureModules(): Promise<Map<string, FixtureModule>> {
  modules ??= (async () => {
    const byHash = new Map<string, FixtureModule>();
    for await (const { record } of readNasbenchRecords(FIXTURE)) {
      if (byHash.has(record.moduleHash)) continue;
      byHash.set(record.moduleHash, {
        hash: record.moduleHash,
        matrixText: record.matrixText,
        matrix: record.matrix,
        operations: record.operations,
        trainableParameters: record.metrics.trainableParameters,
      });
    }
    return byHash;
  })();
  return modules;
}

/**
 * The shared seeded generator (src/datasets/random.ts, mulberry32) for reproducible property
 * tests; any number is accepted as a seed and wrapped to 32 bits.
 *
 * @example const random = seededRandom(7); random() // the same on every run
 */
export function seededRandom(seed: number): Random {
  return createRandom(seed >>> 0);
}
