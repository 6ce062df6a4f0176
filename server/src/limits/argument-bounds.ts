import { SEARCH_SPACE_SIZE } from '@nngp-nas/compute/nasbench';
import type { GraphQLError } from 'graphql';
import { MAX_FILTER_OPERATIONS, MAX_FILTER_SIZE_CLUSTERS } from '../architectures/filter.ts';
import { MAX_PAGE_SIZE } from '../architectures/list.ts';
import { badUserInput } from '../errors.ts';
import { MAX_BINS } from '../paper-figures/parameter-histogram.ts';
import { MAX_SCATTER_LIMIT } from '../paper-figures/scatter.ts';
import { MAX_RESAMPLES } from '../predictor-metrics/intervals.ts';
import { MAX_PREDICTORS } from '../predictor-metrics/load.ts';
import type { FieldArguments } from './analysis-costs.ts';

/** What one list or number may hold: `items` for a list's length, `min`/`max` for a number. */
interface Bound {
  items?: number;
  min?: number;
  max?: number;
}

/** Most discovery subsets (the paper draws 10). */
export const MAX_SUBSETS = 1000;
/** Most PQETP thresholds (the default curve has 57). */
export const MAX_THRESHOLDS = 1000;

/**
 * Bounds of argument values, by where they sit: `argument` or `argument.field`, on every query
 * field that has such an argument (`filter.sizeClusters` holds for every filter). A value outside its
 * bound is refused before any resolver runs, naming it and the bound; values inside still get
 * the resolvers' own checks (a size larger than the filtered set, an unknown proxy …).
 */
const BOUNDS: Readonly<Record<string, Bound>> = {
  'subsets.count': { min: 1, max: MAX_SUBSETS },
  'subsets.size': { min: 1, max: SEARCH_SPACE_SIZE },
  thresholds: { items: MAX_THRESHOLDS },
  'intervals.resamples': { min: 1, max: MAX_RESAMPLES },
  'intervals.seed': { min: 0 },
  epochs: { items: 10 },
  keepPercents: { items: 10 },
  predictors: { items: MAX_PREDICTORS },
  boundaries: { items: 100 },
  first: { min: 0, max: MAX_PAGE_SIZE },
  'filter.sizeClusters': { items: MAX_FILTER_SIZE_CLUSTERS },
  'filter.operations': { items: MAX_FILTER_OPERATIONS },
};
/** Bounds of arguments whose meaning depends on the field (schema coordinate → argument). */
const FIELD_BOUNDS: Readonly<Record<string, Readonly<Record<string, Bound>>>> = {
  'Query.scatter': { limit: { min: 1, max: MAX_SCATTER_LIMIT } },
  'Query.parameterHistogram': { bins: { min: 1, max: MAX_BINS } },
};

/**
 * The first argument value of field `coordinate` (e.g. `Query.metrics`) outside its bound, as a
 * BAD_USER_INPUT naming the argument (and the input field) and the bound; undefined when all
 * are inside.
 *
 * @example argumentOutOfBounds('Query.metrics', { subsets: { count: 2147483647 } })?.message
 * // 'subsets.count is 2147483647, at most 1000'
 */
export function argumentOutOfBounds(
  coordinate: string,
  args: FieldArguments,
): GraphQLError | undefined {
  // Mutations check their own arguments, after the token: a caller without it learns nothing.
  if (coordinate.startsWith('Mutation.')) return undefined;
  const bounds = { ...BOUNDS, ...FIELD_BOUNDS[coordinate] };
  for (const [where, bound] of Object.entries(bounds)) {
    const [argument, field] = where.split('.') as [string, string | undefined];
    const holder = args[argument];
    const value =
      field === undefined
        ? holder
        : typeof holder === 'object' && holder !== null
          ? (holder as Record<string, unknown>)[field]
          : undefined;
    const problem = outside(value, bound);
    if (problem !== undefined) return badUserInput(`${where} ${problem}`, argument, field);
  }
  return undefined;
}

function outside(value: unknown, bound: Bound): string | undefined {
  if (bound.items !== undefined && Array.isArray(value) && value.length > bound.items) {
    return `has ${value.length} items, at most ${bound.items}`;
  }
  if (typeof value !== 'number') return undefined;
  if (bound.max !== undefined && value > bound.max) return `is ${value}, at most ${bound.max}`;
  if (bound.min !== undefined && value < bound.min) return `is ${value}, at least ${bound.min}`;
  return undefined;
}
