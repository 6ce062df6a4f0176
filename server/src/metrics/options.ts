import { MetricsInputError, PAPER_SUBSETS, type RandomSubsets } from '@nngp-nas/compute/metrics';
import type { GraphQLError } from 'graphql';
import { GROUND_TRUTH_EPOCHS } from '../architectures/filter.ts';
import { badUserInput } from '../errors.ts';
import type { GroundTruthInput, SubsetsInput } from '../generated/resolvers-types.ts';

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
 * The discovery subsets to draw over `n` architectures: each field defaults to the paper's
 * (10 subsets of 10,000, seed 0), the size capped at `n`.
 *
 * @example subsetsSpec({ count: 3 }, 500) // { count: 3, size: 500, seed: 0 }
 */
export function subsetsSpec(subsets: SubsetsInput | null | undefined, n: number): RandomSubsets {
  return {
    count: subsets?.count ?? PAPER_SUBSETS.count,
    size: subsets?.size ?? Math.min(PAPER_SUBSETS.size, n),
    seed: subsets?.seed ?? PAPER_SUBSETS.seed,
  };
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
