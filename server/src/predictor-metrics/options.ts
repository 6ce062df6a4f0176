import { MetricsInputError } from '@nngp-nas/compute/metrics';
import { GROUND_TRUTH_EPOCHS } from '@nngp-nas/compute/predictors';
import type { GraphQLError } from 'graphql';
import { badUserInput } from '../errors.ts';
import type { GroundTruthInput } from '../generated/resolvers-types.ts';

/**
 * The ground truth's epoch budget (default 108); not a positive integer is a BAD_USER_INPUT on
 * `groundTruth`.
 *
 * @example groundTruthEpochs({ epochs: 36 }) // 36
 */
export function groundTruthEpochs(groundTruth: GroundTruthInput | null | undefined): number {
  const epochs = groundTruth?.epochs ?? GROUND_TRUTH_EPOCHS;
  if (!Number.isInteger(epochs) || epochs < 1)
    throw badUserInput(`epochs ${epochs} is not positive`, 'groundTruth', 'epochs');
  return epochs;
}

/**
 * compute/metrics' input error as the BAD_USER_INPUT of the query argument it came from: an
 * error on `subsets.size` names argument `subsets`, field `size`, when `subsets` is one of
 * `argumentsOfQuery`; otherwise it names `fallback`. Other errors are returned unchanged.
 *
 * @example throw asBadUserInput(error, 'epochs 4 mean', ['thresholds', 'subsets'], 'predictors')
 */
export function asBadUserInput(
  error: unknown,
  label: string,
  argumentsOfQuery: readonly string[],
  fallback: string,
): GraphQLError | unknown {
  if (!(error instanceof MetricsInputError)) return error;
  const argument = error.field.split(/[.[]/)[0] as string;
  const known = argumentsOfQuery.includes(argument);
  return badUserInput(
    `${label}: ${error.message}`,
    known ? argument : fallback,
    known ? error.field.slice(argument.length + 1) || undefined : undefined,
  );
}
