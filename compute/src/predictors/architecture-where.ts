import { architectures, type Db, nngpResults, type SearchSpace } from '@nngp-nas/db';
import { and, arrayContains, eq, exists, gte, inArray, lte, not, type SQL } from 'drizzle-orm';
import { INTERIOR_OPERATIONS } from '../nasbench/operations.ts';
import { PredictorInputError } from './errors.ts';
import { parseExperimentId } from './experiment-id.ts';
import { hasGroundTruth } from './ground-truth.ts';

/** An inclusive range; a missing bound is open. */
export interface IntRangeSelection {
  min?: number | null;
  max?: number | null;
}

/**
 * Which architectures a predictor is read over (the GraphQL `ArchitectureFilter`, the CLI's
 * `--cluster` / `--residuals`): every given field ANDed, lists IN.
 */
export interface ArchitectureSelection {
  /** The search space (the API's NASBENCH_101 | MNAS, or the stored name); NAS-Bench-101 when absent. */
  space?: SearchSpaceName | null;
  sizeClusters?: readonly number[] | null;
  residualConnections?: IntRangeSelection | null;
  trainableParameters?: IntRangeSelection | null;
  hasGroundTruth?: boolean | null;
  /** Architectures with a result of this experiment (its id). */
  experiment?: string | null;
  operations?: readonly string[] | null;
}

/** A search space as the stored name or the API's enum value. */
export type SearchSpaceName = SearchSpace | 'NASBENCH_101' | 'MNAS';

/**
 * The search space a selection is of: NAS-Bench-101 unless it names another, so that every
 * listing, predictor and figure reads one space at a time.
 *
 * @example searchSpaceOf({ space: 'MNAS' }) // 'mnas'
 */
export function searchSpaceOf(selection: ArchitectureSelection | null | undefined): SearchSpace {
  return STORED_SPACE[selection?.space ?? 'nasbench101'] ?? 'nasbench101';
}

/** Each name of a space as it is stored. */
const STORED_SPACE: Readonly<Record<SearchSpaceName, SearchSpace>> = {
  NASBENCH_101: 'nasbench101',
  MNAS: 'mnas',
  nasbench101: 'nasbench101',
  mnas: 'mnas',
};

/**
 * Most size-cluster ids one filter lists: more than there are clusters is a mistake, and an IN
 * list of tens of thousands would exceed what one SQL statement may bind.
 */
export const MAX_FILTER_SIZE_CLUSTERS = 100;
/** Most operations one filter lists (there are three interior operations). */
export const MAX_FILTER_OPERATIONS = 10;

/**
 * The SQL condition of a selection: always its search space (searchSpaceOf), and every other
 * given field. Invalid input is a PredictorInputError naming the field (`argumentName` only
 * prefixes messages).
 *
 * @example db.select().from(architectures).where(architectureWhere(db, { sizeClusters: [0, 2] }));
 */
export function architectureWhere(
  db: Db,
  selection: ArchitectureSelection | null | undefined,
  argumentName = 'filter',
): SQL {
  const space = searchSpaceOf(selection);
  const conditions: (SQL | undefined)[] = [eq(architectures.space, space)];
  if (selection == null) return spaceOnly(conditions[0] as SQL, space);
  if (selection.space != null && !Object.hasOwn(STORED_SPACE, selection.space))
    throw new PredictorInputError(
      `${argumentName}.space: unknown search space ${JSON.stringify(selection.space)}: expected one of ${Object.keys(STORED_SPACE).join(', ')}`,
      'space',
    );
  if (selection.sizeClusters != null) {
    checkSizeClusterIdShapes(selection.sizeClusters, argumentName);
    conditions.push(inArray(architectures.sizeCluster, [...selection.sizeClusters]));
  }
  conditions.push(
    rangeCondition(
      architectures.residualConnections,
      selection.residualConnections,
      'residualConnections',
    ),
    rangeCondition(
      architectures.trainableParameters,
      selection.trainableParameters,
      'trainableParameters',
    ),
  );
  if (selection.hasGroundTruth != null) {
    const truth = hasGroundTruth(db, { space: searchSpaceOf(selection) }, architectures.hash);
    conditions.push(selection.hasGroundTruth ? truth : not(truth));
  }
  if (selection.experiment != null) {
    const experimentId = parseExperimentId(selection.experiment, 'experiment');
    conditions.push(
      exists(
        db
          .select({ one: nngpResults.experimentId })
          .from(nngpResults)
          .where(
            and(
              eq(nngpResults.moduleHash, architectures.hash),
              eq(nngpResults.experimentId, experimentId),
            ),
          ),
      ),
    );
  }
  if (selection.operations != null) {
    checkOperations(selection.operations, argumentName);
    if (selection.operations.length > 0)
      conditions.push(arrayContains(architectures.operations, [...selection.operations]));
  }
  const where = and(...conditions) as SQL;
  return conditions.every((c, i) => i === 0 || c === undefined) ? spaceOnly(where, space) : where;
}

/** Conditions architectureWhere made of the space alone, with that space. */
const SPACE_ONLY = new WeakMap<SQL, SearchSpace>();

function spaceOnly(where: SQL, space: SearchSpace): SQL {
  SPACE_ONLY.set(where, space);
  return where;
}

/**
 * The space of a condition that selects nothing but it (architectureWhere of a selection naming
 * no other field); undefined for any other condition. A query keyed by module hashes can then
 * test the space against the few networks of the other space instead of semi-joining all
 * architectures (predictorScope).
 *
 * @example spaceOnlyOf(architectureWhere(db, null)) // 'nasbench101'
 */
export function spaceOnlyOf(where: SQL | undefined): SearchSpace | undefined {
  return where === undefined ? undefined : SPACE_ONLY.get(where);
}

/**
 * Size-cluster ids as a filter may list them: at most {@link MAX_FILTER_SIZE_CLUSTERS}, none
 * negative (ids count from 0). Whether each exists needs the database.
 *
 * @example checkSizeClusterIdShapes([0, 2], 'filter')
 */
export function checkSizeClusterIdShapes(ids: readonly number[], argumentName: string): void {
  if (ids.length > MAX_FILTER_SIZE_CLUSTERS)
    throw new PredictorInputError(
      `${argumentName}.sizeClusters lists ${ids.length} ids, at most ${MAX_FILTER_SIZE_CLUSTERS}`,
      'sizeClusters',
    );
  const negative = ids.find((id) => id < 0);
  if (negative !== undefined)
    throw new PredictorInputError(
      `${argumentName}.sizeClusters: ${negative} is not a size-cluster id (ids count from 0)`,
      'sizeClusters',
    );
}

function checkOperations(operations: readonly string[], argumentName: string): void {
  if (operations.length > MAX_FILTER_OPERATIONS)
    throw new PredictorInputError(
      `${argumentName}.operations lists ${operations.length} operations, at most ${MAX_FILTER_OPERATIONS}`,
      'operations',
    );
  for (const op of operations)
    if (!(INTERIOR_OPERATIONS as readonly string[]).includes(op))
      throw new PredictorInputError(
        `unknown operation ${JSON.stringify(op)}: expected one of ${INTERIOR_OPERATIONS.join(', ')}`,
        'operations',
      );
}

function rangeCondition(
  column: typeof architectures.residualConnections | typeof architectures.trainableParameters,
  range: IntRangeSelection | null | undefined,
  field: string,
): SQL | undefined {
  if (range == null) return undefined;
  const { min, max } = range;
  if (min != null && max != null && min > max)
    throw new PredictorInputError(`${field}: min ${min} is greater than max ${max}`, field);
  return and(
    min == null ? undefined : gte(column, min),
    max == null ? undefined : lte(column, max),
  );
}
