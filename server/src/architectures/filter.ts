import { INTERIOR_OPERATIONS } from '@nngp-nas/compute/nasbench';
import { architectures, type Db, nngpResults, trainingRecords } from '@nngp-nas/db';
import { and, arrayContains, eq, exists, gte, inArray, lte, not, type SQL } from 'drizzle-orm';
import { badUserInput, clientValue } from '../errors.ts';
import type { ArchitectureFilter, IntRange } from '../generated/resolvers-types.ts';

/** The epoch budget whose mean final validation accuracy is the ground truth. */
export const GROUND_TRUTH_EPOCHS = 108;
/**
 * Most size-cluster ids one filter lists: more than there are clusters is a mistake, and an IN
 * list of tens of thousands would exceed what one SQL statement may bind.
 */
export const MAX_FILTER_SIZE_CLUSTERS = 100;
/** Most operations one filter lists (there are three interior operations). */
export const MAX_FILTER_OPERATIONS = 10;

/**
 * The SQL condition of an ArchitectureFilter (every given field ANDed; lists are IN), or
 * undefined for no filter. Invalid input is a BAD_USER_INPUT naming `argumentName`.
 *
 * @example db.select().from(architectures).where(architectureCondition(db, { sizeClusters: [0, 2] }));
 */
export function architectureCondition(
  db: Db,
  filter: ArchitectureFilter | null | undefined,
  argumentName = 'filter',
): SQL | undefined {
  if (filter == null) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.sizeClusters != null) {
    checkSizeClusterIdShapes(filter.sizeClusters, argumentName);
    conditions.push(inArray(architectures.sizeCluster, filter.sizeClusters));
  }
  conditions.push(
    rangeCondition(
      architectures.residualConnections,
      filter.residualConnections,
      argumentName,
      'residualConnections',
    ),
    rangeCondition(
      architectures.trainableParameters,
      filter.trainableParameters,
      argumentName,
      'trainableParameters',
    ),
  );
  if (filter.hasGroundTruth != null) {
    const truth = exists(
      db
        .select({ one: trainingRecords.epochs })
        .from(trainingRecords)
        .where(
          and(
            eq(trainingRecords.moduleHash, architectures.hash),
            eq(trainingRecords.epochs, GROUND_TRUTH_EPOCHS),
          ),
        ),
    );
    conditions.push(filter.hasGroundTruth ? truth : not(truth));
  }
  if (filter.experiment != null) {
    const experimentId = parseExperimentId(filter.experiment, argumentName, 'experiment');
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
  if (filter.operations != null) {
    if (filter.operations.length > MAX_FILTER_OPERATIONS) {
      throw badUserInput(
        `${argumentName}.operations lists ${filter.operations.length} operations, at most ${MAX_FILTER_OPERATIONS}`,
        argumentName,
        'operations',
      );
    }
    for (const op of filter.operations) {
      if (!(INTERIOR_OPERATIONS as readonly string[]).includes(op)) {
        throw badUserInput(
          `unknown operation ${clientValue(op)}: expected one of ${INTERIOR_OPERATIONS.join(', ')}`,
          argumentName,
          'operations',
        );
      }
    }
    if (filter.operations.length > 0) {
      conditions.push(arrayContains(architectures.operations, filter.operations));
    }
  }
  return and(...conditions);
}

/**
 * An experiment ID as the integer key it is stored under.
 *
 * @example parseExperimentId('3', 'id') // 3
 */
export function parseExperimentId(id: string, argumentName: string, field?: string): number {
  const n = /^\d{1,9}$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw badUserInput(`experiment id ${clientValue(id)} is not a number`, argumentName, field);
  }
  return n;
}

/**
 * Size-cluster ids as a filter may list them: at most {@link MAX_FILTER_SIZE_CLUSTERS}, none
 * negative (ids count from 0). Whether each exists needs the database: `checkSizeClustersExist`.
 *
 * @example checkSizeClusterIdShapes([0, 2], 'filter')
 */
export function checkSizeClusterIdShapes(ids: readonly number[], argumentName: string): void {
  if (ids.length > MAX_FILTER_SIZE_CLUSTERS) {
    throw badUserInput(
      `${argumentName}.sizeClusters lists ${ids.length} ids, at most ${MAX_FILTER_SIZE_CLUSTERS}`,
      argumentName,
      'sizeClusters',
    );
  }
  const negative = ids.find((id) => id < 0);
  if (negative !== undefined) {
    throw badUserInput(
      `${argumentName}.sizeClusters: ${negative} is not a size-cluster id (ids count from 0)`,
      argumentName,
      'sizeClusters',
    );
  }
}

function rangeCondition(
  column: typeof architectures.residualConnections | typeof architectures.trainableParameters,
  range: IntRange | null | undefined,
  argumentName: string,
  field: string,
): SQL | undefined {
  if (range == null) return undefined;
  const { min, max } = range;
  if (min != null && max != null && min > max) {
    throw badUserInput(`${field}: min ${min} is greater than max ${max}`, argumentName, field);
  }
  return and(
    min == null ? undefined : gte(column, min),
    max == null ? undefined : lte(column, max),
  );
}
