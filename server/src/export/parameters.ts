import { searchSpaceOf } from '@nngp-nas/compute/predictors';
import type { Db, SearchSpace } from '@nngp-nas/db';
import { and, type SQL } from 'drizzle-orm';
import { architectureCondition } from '../architectures/filter.ts';
import { badUserInput, clientValue, shortenQuotedValues } from '../errors.ts';
import type { ArchitectureFilter, ArchitectureOrder } from '../generated/resolvers-types.ts';
import { coerceInput } from './graphql-input.ts';
import { SHORTHANDS, type ShorthandName } from './shorthands.ts';

/** What the export streams: the rows matching `where`, in the order `order` asks for. */
export interface ExportSelection {
  where: SQL | undefined;
  /** The coerced `orderBy` (a predictor in it is checked against the database by the caller). */
  order: ArchitectureOrder | null | undefined;
  /**
   * The size-cluster ids of `filter` and of the `sizeClusters` shorthand (whether they exist
   * needs the database).
   */
  sizeClusters: { filter: number[]; shorthand: number[] };
  /** The filter's search space (NAS-Bench-101 unless it names MNAS). */
  space: SearchSpace;
}

const JSON_PARAMETERS = ['filter', 'orderBy'];
const PARAMETERS = [...JSON_PARAMETERS, ...Object.keys(SHORTHANDS)];

/**
 * The selection asked for by the export's query parameters: `filter` (JSON of the GraphQL
 * ArchitectureFilter) and every shorthand, ANDed; `orderBy` (JSON of ArchitectureOrder). Both
 * JSON parameters go through the GraphQL input coercion and the filter through the same SQL
 * builder as `Query.architectures`, so they accept and mean what the GraphQL arguments do.
 * Unknown or repeated parameters and bad values are BAD_USER_INPUT naming the parameter; the
 * size clusters named are returned for the caller to check against the database.
 *
 * @example parseExportParameters(db, new URLSearchParams('sizeClusters=0&residual=1-2'))
 */
export function parseExportParameters(db: Db, search: URLSearchParams): ExportSelection {
  for (const name of new Set(search.keys())) {
    if (!PARAMETERS.includes(name))
      throw badUserInput(
        `unknown parameter ${clientValue(name)} (expected ${PARAMETERS.join(', ')})`,
        name,
      );
    const count = search.getAll(name).length;
    if (count > 1) throw badUserInput(`${name} is given ${count} times, expected once`, name);
  }
  const filterJson = search.get('filter');
  const filterValue = filterJson === null ? undefined : parseJson(filterJson, 'filter');
  const spaceText = search.get('space');
  // The `space` shorthand is the space of every condition: the filter's, unless it names one.
  const spaceGiven = spaceText === null ? undefined : SHORTHANDS.space(spaceText).space;
  const filterSpace = (filterValue as { space?: unknown } | null | undefined)?.space;
  if (spaceGiven !== undefined && filterSpace != null && filterSpace !== spaceGiven)
    throw badUserInput(
      `space ${clientValue(spaceText)} contradicts filter.space ${clientValue(filterSpace)}`,
      'space',
    );
  const filter =
    filterValue === undefined
      ? spaceGiven === undefined
        ? undefined
        : { space: spaceGiven }
      : coerceInput<ArchitectureFilter>(
          'ArchitectureFilter',
          spaceGiven !== undefined && isObject(filterValue)
            ? { ...filterValue, space: spaceGiven }
            : filterValue,
          'filter',
        );
  const conditions = [architectureCondition(db, filter, 'filter')];
  const sizeClusters = { filter: filter?.sizeClusters ?? [], shorthand: [] as number[] };
  for (const [name, shorthand] of Object.entries(SHORTHANDS)) {
    const value = search.get(name);
    if (value === null || name === 'space') continue;
    // A shorthand narrows the filter's space, whose clusters it names.
    const implied: ArchitectureFilter = { ...shorthand(value), space: filter?.space ?? null };
    conditions.push(architectureCondition(db, implied, name as ShorthandName));
    sizeClusters.shorthand.push(...(implied.sizeClusters ?? []));
  }
  const orderJson = search.get('orderBy');
  const order =
    orderJson === null
      ? undefined
      : coerceInput<ArchitectureOrder | null>(
          'ArchitectureOrder',
          parseJson(orderJson, 'orderBy'),
          'orderBy',
        );
  return { where: and(...conditions), order, sizeClusters, space: searchSpaceOf(filter) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string, parameter: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badUserInput(
      shortenQuotedValues(`${parameter} is not JSON: ${(error as Error).message}`),
      parameter,
    );
  }
}
