import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../nasbench/data-files.ts';

/** The committed study results: the project's own NNGP output, never NAS-Bench-101 values. */
export const RESULTS_DIR = join(REPO_ROOT, 'results');

/** The two files of one experiment: its settings (JSON) and its results (gzipped CSV). */
export interface ResultFiles {
  name: string;
  settings: string;
  results: string;
}

/** A file name for an experiment name: letters, digits, '.', '_' and '-' kept, the rest '_'. */
export function experimentFileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function resultFiles(dir: string, name: string): ResultFiles {
  const stem = experimentFileStem(name);
  return {
    name,
    settings: join(dir, `${stem}.json`),
    results: join(dir, `${stem}.csv.gz`),
  };
}

/**
 * The settings files in `dir` (one per experiment), sorted; none when `dir` does not exist.
 *
 * @example await settingsFilesIn(RESULTS_DIR) // ['…/results/study-stem16.json', …]
 */
export async function settingsFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new Error(`cannot read the results directory ${dir}: ${error.message}`);
  });
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * A dataset label (comma-separated paths) with the paths near the repository (its own tree and
 * the ../shared beside it) made relative to the repository root, so a settings file committed on
 * one machine names the same data in a clone elsewhere. Others stay as they are.
 *
 * @example portableDataset('/work/shared/data/cifar10/a.bin') // '../shared/data/cifar10/a.bin' (repository at /work/main)
 */
export function portableDataset(dataset: string): string {
  return dataset
    .split(',')
    .map((p) => {
      const near = relative(REPO_ROOT, p);
      return isAbsolute(p) && !near.startsWith('../..') ? near : p;
    })
    .join(',');
}

/** Inverse of {@link portableDataset} in this clone: relative paths resolved against the repository. */
export function localDataset(dataset: string): string {
  return dataset
    .split(',')
    .map((p) => (isAbsolute(p) ? p : resolve(REPO_ROOT, p)))
    .join(',');
}
