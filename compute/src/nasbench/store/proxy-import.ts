import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import type { Database } from '@nngp-nas/db';
import { parse } from 'csv-parse';
import { openInputFile } from '../records/index.ts';
import { analyzeTables } from './planner-statistics.ts';

/** A proxy CSV that cannot be imported: names the file, line and column. */
export class ProxyFileError extends Error {
  override name = 'ProxyFileError';
}

export interface ProxyImportSummary {
  proxies: string[];
  rows: number;
  scores: number;
  /** Scores already stored with the same value. */
  unchanged: number;
  /** Rows whose module_hash is not a stored architecture (enumerate the space first). */
  unknownModules: number;
}

const MODULE_HASH = /^[0-9a-f]{32}$/;
const MISSING = new Set(['', 'nan', 'NaN', 'null', 'None']);

/**
 * Imports zero-cost proxy scores from a CSV keyed by `module_hash`: every other column is one
 * named proxy. Empty / NaN cells are stored as null. Idempotent (a re-import changes nothing) and
 * atomic (a bad cell anywhere leaves the stored scores as they were). A path that is missing,
 * a directory, unreadable or empty throws InputFileError naming it.
 *
 * @example await importProxyCsv(database, '../shared/data/proxies/nb101_zen_score.csv');
 */
export async function importProxyCsv(
  database: Database,
  path: string,
): Promise<ProxyImportSummary> {
  const file = basename(path);
  // Missing, a directory, unreadable or empty: an error naming the whole path, before parsing.
  const { handle } = await openInputFile(path, 'proxy file');
  // pipeline, not pipe: a read error then reaches the loop below, and leaving the loop early
  // (a bad cell) closes the file. The loop sees any error, so the callback has nothing to do.
  const parser = pipeline(
    handle.createReadStream(),
    parse({ bom: true, trim: true, relax_column_count: false }),
    () => {},
  );
  let header: string[] | undefined;
  const hashes: string[] = [];
  const proxies: string[] = [];
  const values: (number | null)[] = [];
  let line = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      line++;
      if (header === undefined) {
        header = cells;
        if (header[0] !== 'module_hash') {
          throw new ProxyFileError(
            `${file}: line 1: the first column must be 'module_hash', got '${header[0]}'`,
          );
        }
        if (header.length < 2)
          throw new ProxyFileError(`${file}: line 1: no proxy columns after module_hash`);
        continue;
      }
      const hash = cells[0] as string;
      if (!MODULE_HASH.test(hash)) {
        throw new ProxyFileError(
          `${file}: line ${line}: module_hash '${hash}' is not 32 lowercase hex digits`,
        );
      }
      for (let c = 1; c < header.length; c++) {
        const text = cells[c] as string;
        const value = MISSING.has(text) ? null : Number(text);
        if (value !== null && !Number.isFinite(value)) {
          throw new ProxyFileError(
            `${file}: line ${line}, column '${header[c]}': '${text}' is not a number`,
          );
        }
        hashes.push(hash);
        proxies.push(header[c] as string);
        values.push(value);
      }
    }
  } catch (error) {
    if (error instanceof ProxyFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ProxyFileError(`${file}: ${message}`, { cause: error });
  }
  if (header === undefined) throw new ProxyFileError(`${file}: the file is empty`);

  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const known = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM unnest($1::text[]) AS h(hash) WHERE NOT EXISTS
         (SELECT 1 FROM architectures a WHERE a.hash = h.hash)`,
      [[...new Set(hashes)]],
    );
    const result = await client.query(
      `INSERT INTO proxy_scores (proxy, module_hash, value, source)
       SELECT p, h, v, $4 FROM unnest($1::text[], $2::text[], $3::float8[]) AS t(p, h, v)
        WHERE EXISTS (SELECT 1 FROM architectures a WHERE a.hash = t.h)
       ON CONFLICT (proxy, module_hash) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source
        WHERE (proxy_scores.value, proxy_scores.source) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.source)`,
      [proxies, hashes, values, file],
    );
    await client.query('COMMIT');
    await analyzeTables(client, ['proxy_scores']);
    const unknownModules = Number(known.rows[0]?.n ?? 0);
    const proxyNames = header.slice(1);
    const scores = values.length - unknownModules * proxyNames.length;
    return {
      proxies: proxyNames,
      rows: line - 1,
      scores,
      unchanged: scores - (result.rowCount ?? 0),
      unknownModules,
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
