import { parse } from 'csv-parse/sync';
import { MnasSpec } from './spec.ts';

/**
 * One network's externally measured MNAS results: the 5-epoch proxy training's validation
 * accuracy, the measured latency and, for the few networks trained in full, the final accuracy.
 * Accuracies are fractions in [0, 1].
 */
export interface MnasMeasurement {
  /** The network as given: its canonical encoding, its hash, or both. */
  encoding: string | null;
  hash: string | null;
  accuracy5: number;
  latencyMs: number;
  finalAccuracy: number | null;
  /** 1-based line in the file (the header is line 1), for messages. */
  line: number;
}

/** A measurements file that cannot be used, naming the file, line and field. */
export class MeasurementsError extends Error {
  override name = 'MeasurementsError';
}

const COLUMNS = ['encoding', 'hash', 'accuracy_5epoch', 'latency_ms', 'final_accuracy'] as const;

/**
 * Parses a measured-results CSV. Header (any order, extra columns refused so a typo is not
 * silently dropped): `encoding` and/or `hash`, `accuracy_5epoch`, `latency_ms`, optionally
 * `final_accuracy` (empty cells allowed there: only the networks trained in full have one).
 *
 * @example parseMeasurements('hash,accuracy_5epoch,latency_ms\nab12…,0.612,74.1\n', 'mnas.csv')
 */
export function parseMeasurements(text: string, file: string): MnasMeasurement[] {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw new MeasurementsError(`${file}: not a CSV file: ${(error as Error).message}`);
  }
  const header = records[0];
  if (header === undefined) throw new MeasurementsError(`${file}: empty, expected a header line`);
  const at = columnIndexes(header, file);
  const seen = new Map<string, number>();
  return records.slice(1).map((record, i) => {
    const line = i + 2;
    const where = `${file}:${line}`;
    const cell = (column: (typeof COLUMNS)[number]) => {
      const index = at.get(column);
      return index === undefined ? '' : (record[index] ?? '');
    };
    const encoding = cell('encoding') || null;
    const hash = cell('hash') || null;
    if (encoding === null && hash === null)
      throw new MeasurementsError(`${where}: neither an encoding nor a hash`);
    if (hash !== null && !/^[0-9a-f]{32}$/.test(hash))
      throw new MeasurementsError(`${where}: hash "${hash}" is not 32 lower-case hex digits`);
    const key = hash ?? (encoding as string);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new MeasurementsError(`${where}: ${key} was already measured on line ${earlier}`);
    seen.set(key, line);
    const finalText = cell('final_accuracy');
    return {
      encoding,
      hash,
      accuracy5: fraction(cell('accuracy_5epoch'), `${where}: accuracy_5epoch`),
      latencyMs: positive(cell('latency_ms'), `${where}: latency_ms`),
      finalAccuracy: finalText === '' ? null : fraction(finalText, `${where}: final_accuracy`),
      line,
    };
  });
}

function columnIndexes(header: string[], file: string): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name))
      throw new MeasurementsError(
        `${file}:1: unknown column "${name}", expected some of ${COLUMNS.join(', ')}`,
      );
    if (at.has(name)) throw new MeasurementsError(`${file}:1: column "${name}" appears twice`);
    at.set(name, i);
  });
  if (!at.has('encoding') && !at.has('hash'))
    throw new MeasurementsError(`${file}:1: needs an "encoding" or a "hash" column`);
  for (const required of ['accuracy_5epoch', 'latency_ms'])
    if (!at.has(required))
      throw new MeasurementsError(`${file}:1: missing the "${required}" column`);
  return at;
}

function number(text: string, field: string): number {
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new MeasurementsError(`${field} is "${text}", not a number`);
  return value;
}

function fraction(text: string, field: string): number {
  const value = number(text, field);
  if (value < 0 || value > 1)
    throw new MeasurementsError(
      `${field} is ${value}, expected a fraction in [0, 1]${value > 1 && value <= 100 ? ' (a percentage? divide by 100)' : ''}`,
    );
  return value;
}

function positive(text: string, field: string): number {
  const value = number(text, field);
  if (!(value > 0)) throw new MeasurementsError(`${field} is ${value}, expected a positive number`);
  return value;
}

/**
 * The network a measurement is of: its hash, and its spec where the line gives the encoding (an
 * encoding is parsed and hashed; where a hash is given too, they must agree).
 *
 * @example measuredNetwork(parseMeasurements(text, 'mnas.csv')[0], 'mnas.csv').hash
 */
export function measuredNetwork(
  m: MnasMeasurement,
  file: string,
): { hash: string; spec: MnasSpec | null } {
  if (m.encoding === null) return { hash: m.hash as string, spec: null };
  let spec: MnasSpec;
  try {
    spec = MnasSpec.parse(m.encoding);
  } catch (error) {
    throw new MeasurementsError(`${file}:${m.line}: encoding: ${(error as Error).message}`);
  }
  if (m.hash !== null && m.hash !== spec.hash())
    throw new MeasurementsError(
      `${file}:${m.line}: hash ${m.hash} is not the encoding's (${spec.hash()})`,
    );
  return { hash: spec.hash(), spec };
}
