import { readFile } from 'node:fs/promises';
import { architectures, type Database } from '@nngp-nas/db';
import { matrixFromText } from '../nasbench/matrix.ts';
import type { Operation } from '../nasbench/operations.ts';
import { sampleSpecs } from '../nasbench/sample.ts';
import { architectureRow, upsertArchitectures } from '../nasbench/store/index.ts';
import { architectureWhere, searchSpaceOf } from '../predictors/architecture-where.ts';
import { seededArchitectureOrder } from '../predictors/seeded-order.ts';
import { parseFilterSelection } from './filter-selection.ts';
import type { Cell } from './workers/protocol.ts';

/** An --archs value that names nothing usable. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

const HASH = /^[0-9a-f]{32}$/;

/**
 * The cells an `--archs` value names: `hash,hash`, `sample:N` (N distinct valid cells drawn as
 * NAS-Bench-101's random search does, seeded), `file:PATH` (one hash per line, # comments) or
 * `filter:JSON` (the stored architectures matching an ArchitectureFilter, in the seeded random
 * order md5(seed || hash), the first `limit` of them). Sampled cells missing from the database
 * are added to it. `limit` is only for `filter:`.
 *
 * @example await selectArchitectures(database, 'filter:{"hasGroundTruth":true}', 0, { limit: 250 })
 */
export async function selectArchitectures(
  database: Database,
  selector: string,
  seed: number,
  options: { limit?: number } = {},
): Promise<Cell[]> {
  if (selector.startsWith('filter:')) {
    return filteredCells(database, selector.slice('filter:'.length), seed, options.limit);
  }
  if (options.limit !== undefined) {
    throw new SelectionError('--limit applies only to --archs filter:JSON');
  }
  if (selector.startsWith('sample:')) {
    const count = Number(selector.slice('sample:'.length));
    if (!Number.isInteger(count) || count < 1) {
      throw new SelectionError(`--archs ${selector}: N must be a positive integer`);
    }
    const specs = sampleSpecs(count, seed);
    await upsertArchitectures(
      database.pool,
      specs.map((s) => architectureRow(s.hash(), s.matrix, s.ops)),
    );
    return specs.map((s) => ({ hash: s.hash(), matrix: s.matrix, ops: [...s.ops] }));
  }
  const hashes = selector.startsWith('file:')
    ? await hashesFromFile(selector.slice(5))
    : selector.split(',');
  const wanted = hashes.map((h) => h.trim()).filter((h) => h !== '');
  if (wanted.length === 0) throw new SelectionError('--archs names no architecture');
  const bad = wanted.find((h) => !HASH.test(h));
  if (bad !== undefined)
    throw new SelectionError(`--archs: '${bad}' is not a module hash (32 lowercase hex digits)`);
  const { rows } = await database.pool.query<{
    hash: string;
    matrix: string;
    operations: string[];
  }>('SELECT hash, matrix, operations FROM architectures WHERE hash = ANY($1::text[])', [wanted]);
  const byHash = new Map(rows.map((r) => [r.hash, r]));
  const missing = wanted.filter((h) => !byHash.has(h));
  if (missing.length > 0) {
    throw new SelectionError(
      `unknown architecture${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} (is the search space stored? run: pnpm nngp nasbench enumerate)`,
    );
  }
  return [...new Set(wanted)].map((h) => {
    const row = byHash.get(h) as { hash: string; matrix: string; operations: string[] };
    return {
      hash: row.hash,
      matrix: matrixFromText(row.matrix),
      ops: row.operations as Operation[],
    };
  });
}

async function filteredCells(
  database: Database,
  json: string,
  seed: number,
  limit: number | undefined,
): Promise<Cell[]> {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new SelectionError(`--limit must be a positive integer, got ${limit}`);
  }
  const { db } = database;
  const selection = parseFilterSelection(json);
  if (searchSpaceOf(selection) !== 'nasbench101')
    throw new SelectionError(
      `--archs filter:${json} selects MNAS networks: evaluate them with pnpm nngp mnas evaluate`,
    );
  const where = architectureWhere(db, selection, '--archs filter');
  const query = db
    .select({
      hash: architectures.hash,
      matrix: architectures.matrix,
      operations: architectures.operations,
    })
    .from(architectures)
    .where(where)
    .orderBy(seededArchitectureOrder(seed, '--seed'));
  const rows = limit === undefined ? await query : await query.limit(limit);
  if (rows.length === 0) {
    throw new SelectionError(
      `--archs filter:${json} matches no stored architecture (is the search space stored? run: pnpm nngp nasbench enumerate)`,
    );
  }
  // NAS-Bench-101 rows (the space checked above) have their matrix.
  return rows.map((row) => ({
    hash: row.hash,
    matrix: matrixFromText(row.matrix as string),
    ops: row.operations as Operation[],
  }));
}

async function hashesFromFile(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SelectionError(
      `--archs file:${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}
