import { PredictorInputError } from '@nngp-nas/compute/predictors';
import type { GraphQLError } from 'graphql';
import { badUserInput } from '../errors.ts';

/** The argument a BAD_USER_INPUT names: fixed, or chosen by the input field at fault. */
type ArgumentOf = string | ((field: string | undefined) => string);

/**
 * compute/predictors' input error as the BAD_USER_INPUT of the argument it came from (the field
 * it names kept), its message prefixed with where the input sits (`predictors[2]: …`). Other
 * errors are returned unchanged.
 *
 * @example throw asPredictorBadUserInput(error, 'predictors', 'predictors[0]')
 */
export function asPredictorBadUserInput(
  error: unknown,
  argumentName: ArgumentOf,
  label?: string,
): GraphQLError | unknown {
  if (!(error instanceof PredictorInputError)) return error;
  return badUserInput(
    label === undefined ? error.message : `${label}: ${error.message}`,
    typeof argumentName === 'string' ? argumentName : argumentName(error.field),
    error.field,
  );
}

/**
 * `work`'s compute/predictors input errors as BAD_USER_INPUT on `argumentName`, asynchronously.
 *
 * @example await rejectingAs(loadNngp(tx, args.nngp, scope), 'nngp')
 */
export async function rejectingAs<T>(
  work: Promise<T>,
  argumentName: ArgumentOf,
  label?: string,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asPredictorBadUserInput(error, argumentName, label);
  }
}

/**
 * For inputs split over a query's arguments: `repeat` is its own argument, any other field
 * belongs to `otherwise`.
 *
 * @example rejectingAs(loadHybrid(…), repeatOr('nngp'), 'nngp')
 */
export function repeatOr(otherwise: string): (field: string | undefined) => string {
  return (field) => (field === 'repeat' ? 'repeat' : otherwise);
}

/**
 * `work()`, its compute/predictors input errors turned into BAD_USER_INPUT on `argumentName`.
 *
 * @example const where = asArgument('filter', () => architectureWhere(db, filter));
 */
export function asArgument<T>(argumentName: ArgumentOf, work: () => T, label?: string): T {
  try {
    return work();
  } catch (error) {
    throw asPredictorBadUserInput(error, argumentName, label);
  }
}
