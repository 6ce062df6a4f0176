import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { ArchitectureEvaluation } from '../nngp/evaluate.ts';
import { mnasCost } from './cost.ts';
import type { MnasResultSink } from './resume-evaluation.ts';
import type { MnasSpec } from './spec.ts';

/** Columns of an MNAS NNGP results file: one row per network and configuration. */
export const MNAS_RESULT_COLUMNS = [
  'hash',
  'encoding',
  'n_train',
  'n_val',
  'ensemble',
  'accuracy',
  'parameters',
  'flops',
  'seconds',
] as const;

/** One network's NNGP accuracy at one configuration (parameters and FLOPs at 224×224, 1,000 classes). */
export interface MnasResult {
  hash: string;
  encoding: string;
  nTrain: number;
  nVal: number;
  ensemble: number;
  /** Best validation accuracy over the regularizer grid; null when every solve failed. */
  accuracy: number | null;
  parameters: number;
  flops: number;
  /** Kernel-estimation seconds of the network (all configurations share them). */
  seconds: number;
}

/** An MNAS results file that cannot be read, naming the file and line. */
export class MnasResultsError extends Error {
  override name = 'MnasResultsError';
}

/**
 * The rows of a network's evaluation, one per configuration.
 *
 * @example mnasResultRows(evaluation, spec)[0].accuracy // 0.31
 */
export function mnasResultRows(evaluation: ArchitectureEvaluation, spec: MnasSpec): MnasResult[] {
  const { parameters, flops } = mnasCost(spec);
  return evaluation.results.map((r) => ({
    hash: evaluation.hash,
    encoding: spec.encode(),
    nTrain: r.nTrain,
    nVal: r.nVal,
    ensemble: r.ensemble,
    accuracy: r.accuracy,
    parameters,
    flops,
    seconds: evaluation.seconds,
  }));
}

/**
 * Appends rows to a results file, writing the header first when the file is new.
 *
 * @example await appendMnasResults('mnas-nngp.csv', mnasResultRows(evaluation, spec));
 */
export async function appendMnasResults(file: string, rows: readonly MnasResult[]): Promise<void> {
  const lines = rows.map((r) =>
    [r.hash, r.encoding, r.nTrain, r.nVal, r.ensemble, r.accuracy ?? '', r.parameters, r.flops]
      .concat(r.seconds.toFixed(3))
      .join(','),
  );
  const text = `${lines.join('\n')}\n`;
  try {
    await writeFile(file, `${MNAS_RESULT_COLUMNS.join(',')}\n${text}`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await appendFile(file, text);
  }
}

/**
 * Reads a results file; a missing file reads as no rows (nothing evaluated yet).
 *
 * @example const done = new Set((await readMnasResults('mnas-nngp.csv')).map((r) => r.hash));
 */
export async function readMnasResults(file: string): Promise<MnasResult[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: string[][] = parse(text, { skip_empty_lines: true });
  const header = records[0]?.join(',');
  if (header !== MNAS_RESULT_COLUMNS.join(','))
    throw new MnasResultsError(
      `${file}:1: header is "${header ?? ''}", expected "${MNAS_RESULT_COLUMNS.join(',')}"`,
    );
  return records.slice(1).map((record, i) => {
    const number = (column: number, nullable = false) => {
      const text = record[column] ?? '';
      if (nullable && text === '') return null;
      const value = Number(text);
      if (text === '' || !Number.isFinite(value))
        throw new MnasResultsError(
          `${file}:${i + 2}: ${MNAS_RESULT_COLUMNS[column]} is "${text}", not a number`,
        );
      return value;
    };
    return {
      hash: record[0] ?? '',
      encoding: record[1] ?? '',
      nTrain: number(2) as number,
      nVal: number(3) as number,
      ensemble: number(4) as number,
      accuracy: number(5, true),
      parameters: number(6) as number,
      flops: number(7) as number,
      seconds: number(8) as number,
    };
  });
}

/**
 * A results file as the sink of resumeMnasEvaluation: the networks it holds, and rows appended
 * as each network is done.
 *
 * @example await resumeMnasEvaluation(specs, mnasCsvSink('mnas-nngp.csv'), options)
 */
export function mnasCsvSink(file: string): MnasResultSink {
  return {
    evaluated: async () => new Set((await readMnasResults(file)).map((r) => r.hash)),
    save: (evaluation, spec) => appendMnasResults(file, mnasResultRows(evaluation, spec)),
  };
}
