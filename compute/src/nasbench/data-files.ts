import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from '@nngp-nas/db';

/** The repository root (this file is compute/src/nasbench/data-files.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Real data shipped beside the project for tests and demos (never committed into it). */
export const SHARED_DATA = resolve(REPO_ROOT, '../shared/data');

/** Where `nngp download` puts the official files. */
export function downloadsDir(): string {
  return join(readEnv().NNGP_DATA_DIR, 'downloads');
}

/**
 * Record files `pnpm start` imports: the official files where downloaded, else the shared
 * 10,302-module subset.
 */
export function defaultRecordFiles(): string[] {
  const official = ['nasbench_full.tfrecord', 'nasbench_only108.tfrecord']
    .map((f) => join(downloadsDir(), f))
    .filter((f) => existsSync(f));
  if (official.length > 0) return official;
  const subset = join(SHARED_DATA, 'nasbench101/nb101_subset.tfrecord');
  return existsSync(subset) ? [subset] : [];
}

/** Proxy CSVs `pnpm start` imports: the shared ones. */
export function defaultProxyFiles(): string[] {
  return ['nb101_zen_score.csv', 'nb101_zero_cost_proxies.csv']
    .map((f) => join(SHARED_DATA, 'proxies', f))
    .filter((f) => existsSync(f));
}
