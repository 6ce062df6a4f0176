import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { type Database, KERNEL_KINDS } from '@nngp-nas/db';
import { parse } from 'csv-parse/sync';
import type { Retention } from '../nngp/evaluate.ts';
import type { KernelDtype } from '../nngp/seed-kernel.ts';
import { ensureExperiment } from '../nngp/store/experiments.ts';
import { OPTIONAL_COLUMNS, parseNumberList, RESULT_COLUMNS } from './csv-fields.ts';
import type { ExperimentSettingsFile } from './export-results.ts';
import { localDataset, RESULTS_DIR, resultFiles, settingsFilesIn } from './results-files.ts';

/** What loading one experiment's files did. */
export interface LoadedExperiment {
  name: string;
  /** Rows stored now. */
  loaded: number;
  /** Rows the database already held (a second load stores nothing). */
  alreadyStored: number;
  /** Rows whose architecture the database does not hold (its search space is not stored). */
  unknownArchitecture: number;
}

/** A committed results file that cannot be read as one; names the file and line. */
export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

const BATCH = 2_000;

/**
 * Loads every experiment in `dir` (default: the committed results/) into the database:
 * creates the experiment from its settings file, or continues the one of that name when its
 * settings agree, and stores the rows it does not hold yet. Idempotent. Rows of architectures
 * the database lacks are counted, not stored.
 *
 * @example await loadResults(database) // [{ name: 'study-stem16', loaded: 36000, … }]
 */
export async function loadResults(
  database: Database,
  options: { dir?: string; onExperiment?: (loaded: LoadedExperiment) => void } = {},
): Promise<LoadedExperiment[]> {
  const dir = options.dir ?? RESULTS_DIR;
  const loaded: LoadedExperiment[] = [];
  for (const settingsPath of await settingsFilesIn(dir)) {
    const settings = await readSettingsFile(settingsPath);
    const files = resultFiles(dir, settings.name);
    const rows = await readResultRows(files.results);
    const experiment = await ensureExperiment(
      database.pool,
      settings.name,
      { ...settings.config, dataset: localDataset(settings.config.dataset) },
      settings.retention as Retention,
      settings.precision as KernelDtype,
    ).catch((error: Error) => {
      throw new ResultsFileError(`${settingsPath}: ${error.message}`);
    });
    const outcome: LoadedExperiment = {
      name: settings.name,
      loaded: 0,
      alreadyStored: 0,
      unknownArchitecture: 0,
    };
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const { rows: counts } = await database.pool.query<{ known: number; inserted: number }>(
        `WITH input AS (
           SELECT r.* FROM jsonb_to_recordset($2::jsonb) AS r(
             module_hash text, kind text, n_train int, n_val int, ensemble smallint,
             accuracy double precision, accuracies double precision[],
             regularizers double precision[], engine text, backend text, seconds real,
             flops double precision, created_at timestamptz)
           JOIN architectures a ON a.hash = r.module_hash),
         inserted AS (
           INSERT INTO nngp_results (experiment_id, module_hash, kind, n_train, n_val, ensemble,
             accuracy, accuracies, regularizers, engine, backend, seconds, flops, created_at)
           SELECT $1, module_hash, kind, n_train, n_val, ensemble, accuracy, accuracies, regularizers,
                  engine, backend, seconds, flops, coalesce(created_at, now()) FROM input
           ON CONFLICT DO NOTHING RETURNING 1)
         SELECT (SELECT count(*) FROM input)::int AS known,
                (SELECT count(*) FROM inserted)::int AS inserted`,
        [experiment.id, JSON.stringify(batch)],
      );
      const { known = 0, inserted = 0 } = counts[0] ?? {};
      outcome.loaded += inserted;
      outcome.alreadyStored += known - inserted;
      outcome.unknownArchitecture += batch.length - known;
    }
    options.onExperiment?.(outcome);
    loaded.push(outcome);
  }
  return loaded;
}

/** An experiment's settings file, validated; errors name the file and the field. */
export async function readSettingsFile(path: string): Promise<ExperimentSettingsFile> {
  let settings: ExperimentSettingsFile;
  try {
    settings = JSON.parse(await readFile(path, 'utf8')) as ExperimentSettingsFile;
  } catch (error) {
    throw new ResultsFileError(
      `${path}: not a readable settings file: ${(error as Error).message}`,
    );
  }
  for (const field of ['name', 'config', 'retention', 'precision'] as const) {
    if (settings[field] === undefined || settings[field] === null)
      throw new ResultsFileError(`${path}: the field '${field}' is missing`);
  }
  return settings;
}

type ResultRowJson = Record<(typeof RESULT_COLUMNS)[number], unknown>;

/** The rows of a gzipped results CSV, validated; errors name the file, line and column. */
export async function readResultRows(path: string): Promise<ResultRowJson[]> {
  let text: string;
  try {
    text = (await promisify(gunzip)(await readFile(path))).toString('utf8');
  } catch (error) {
    throw new ResultsFileError(`${path}: cannot read it as gzip: ${(error as Error).message}`);
  }
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const absent = RESULT_COLUMNS.filter((c) => !header.includes(c) && !OPTIONAL_COLUMNS.includes(c));
  if (absent.length > 0)
    throw new ResultsFileError(`${path}: missing column(s) ${absent.join(', ')}`);
  return records.map((record, index) => {
    const line = index + 2;
    const fail = (column: string, problem: string): never => {
      throw new ResultsFileError(`${path}, line ${line}, ${column}: ${problem}`);
    };
    const text = (column: (typeof RESULT_COLUMNS)[number]) => record[column] ?? '';
    const integer = (column: (typeof RESULT_COLUMNS)[number]) => {
      const value = Number(text(column));
      return Number.isInteger(value) && value > 0
        ? value
        : fail(column, `'${text(column)}' is not a positive integer`);
    };
    const number = (column: (typeof RESULT_COLUMNS)[number]) => {
      const value = Number(text(column));
      return text(column) !== '' && Number.isFinite(value)
        ? value
        : fail(column, `'${text(column)}' is not a number`);
    };
    const hash = text('module_hash');
    if (!/^[0-9a-f]{32}$/.test(hash)) fail('module_hash', `'${hash}' is not an md5 module hash`);
    const list = (column: (typeof RESULT_COLUMNS)[number]) => {
      const values = parseNumberList(text(column));
      if (values.some((v) => v !== null && !Number.isFinite(v)))
        fail(column, `'${text(column)}' is not a ';'-separated list of numbers`);
      return values;
    };
    const accuracies = list('accuracies');
    const regularizers = list('regularizers');
    if (accuracies.length !== regularizers.length)
      fail('accuracies', `${accuracies.length} accuracies for ${regularizers.length} regularizers`);
    const kind = text('kind') || 'nngp';
    if (!(KERNEL_KINDS as readonly string[]).includes(kind))
      fail('kind', `'${kind}' is not one of ${KERNEL_KINDS.join(', ')}`);
    return {
      module_hash: hash,
      kind,
      n_train: integer('n_train'),
      n_val: integer('n_val'),
      ensemble: integer('ensemble'),
      accuracy: text('accuracy') === '' ? null : number('accuracy'),
      accuracies,
      regularizers,
      engine: text('engine') || fail('engine', 'empty'),
      backend: text('backend') || fail('backend', 'empty'),
      seconds: number('seconds'),
      flops: number('flops'),
      created_at: createdAt(text('created_at'), fail),
    };
  });
}

/** An ISO 8601 UTC time, or null when the file has none (the row is then stamped on loading). */
function createdAt(text: string, fail: (column: string, problem: string) => never): string | null {
  if (text === '') return null;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text) || Number.isNaN(Date.parse(text)))
    return fail('created_at', `'${text}' is not an ISO 8601 UTC time`);
  return text;
}

/** One line on what loading an experiment's files did. */
export function describeLoad(l: LoadedExperiment): string {
  const unknown =
    l.unknownArchitecture > 0
      ? `, ${l.unknownArchitecture} of architectures not stored (run \`pnpm nngp nasbench enumerate\`)`
      : '';
  return `results ${l.name}: ${l.loaded} rows stored (${l.alreadyStored} already stored${unknown})`;
}
