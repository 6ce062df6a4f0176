import { mkdir, rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Database, ExperimentConfig } from '@nngp-nas/db';
import { csvField, formatNumberList, RESULT_COLUMNS } from './csv-fields.ts';
import { portableDataset, RESULTS_DIR, resultFiles } from './results-files.ts';

/**
 * What an experiment's settings file holds: enough to recreate the experiment elsewhere (its
 * dataset paths relative to the repository root where they lie beside it).
 */
export interface ExperimentSettingsFile {
  name: string;
  config: ExperimentConfig;
  retention: string;
  precision: string;
  /** Architectures with a result at the experiment's largest configuration, when written. */
  architectures: number;
  rows: number;
}

interface ResultRow {
  module_hash: string;
  kind: string;
  n_train: number;
  n_val: number;
  ensemble: number;
  accuracy: number | null;
  accuracies: (number | null)[];
  regularizers: number[];
  engine: string;
  backend: string;
  seconds: number;
  flops: number;
  created_at: string;
}

/**
 * Writes each named experiment (default: every one) as `<name>.json` (settings) and
 * `<name>.csv.gz` (every stored result row, by hash and configuration) into `dir`. Files are
 * written whole then renamed, so a reader never sees half a file. Kernels are not exported.
 *
 * @example await exportResults(database, { experiments: ['study-stem16'] }) // [{ name, rows, … }]
 */
export async function exportResults(
  database: Database,
  options: { dir?: string; experiments?: string[] } = {},
): Promise<ExperimentSettingsFile[]> {
  const dir = options.dir ?? RESULTS_DIR;
  const { rows: experiments } = await database.pool.query<{
    id: number;
    name: string;
    config: ExperimentConfig;
    retention: string;
    precision: string;
  }>(
    `SELECT id, name, config, retention, precision FROM nngp_experiments
      WHERE $1::text[] IS NULL OR name = ANY($1::text[]) ORDER BY name`,
    [options.experiments ?? null],
  );
  const missing = (options.experiments ?? []).filter((n) => !experiments.some((e) => e.name === n));
  if (missing.length > 0) throw new Error(`no experiment named ${missing.join(', ')}`);
  await mkdir(dir, { recursive: true });
  const written: ExperimentSettingsFile[] = [];
  for (const experiment of experiments) {
    const { rows } = await database.pool.query<ResultRow>(
      `SELECT module_hash, kind, n_train, n_val, ensemble, accuracy, accuracies, regularizers, engine,
              backend, seconds, flops,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
         FROM nngp_results WHERE experiment_id = $1
        ORDER BY module_hash, kind, n_train DESC, n_val DESC, ensemble DESC`,
      [experiment.id],
    );
    const lines = [RESULT_COLUMNS.join(',')];
    for (const r of rows) {
      lines.push(
        [
          r.module_hash,
          r.kind,
          r.n_train,
          r.n_val,
          r.ensemble,
          r.accuracy,
          formatNumberList(r.accuracies),
          formatNumberList(r.regularizers),
          r.engine,
          r.backend,
          r.seconds,
          r.flops,
          r.created_at,
        ]
          .map(csvField)
          .join(','),
      );
    }
    const { nTrain, nVal, ensemble } = experiment.config;
    const settings: ExperimentSettingsFile = {
      name: experiment.name,
      // Paths of the data relative to the repository: the file is read in clones elsewhere.
      config: { ...experiment.config, dataset: portableDataset(experiment.config.dataset) },
      retention: experiment.retention,
      precision: experiment.precision,
      architectures: new Set(
        rows
          .filter((r) => r.n_train === nTrain && r.n_val === nVal && r.ensemble === ensemble)
          .map((r) => r.module_hash),
      ).size,
      rows: rows.length,
    };
    const files = resultFiles(dir, experiment.name);
    const csv = await promisify(gzip)(`${lines.join('\n')}\n`, { level: 9 });
    await writeWhole(files.results, csv);
    await writeWhole(files.settings, `${JSON.stringify(settings, null, 2)}\n`);
    written.push(settings);
  }
  return written;
}

async function writeWhole(path: string, data: string | Buffer): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, data);
  await rename(partial, path);
}
