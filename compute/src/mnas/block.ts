import {
  BASELINE,
  CONV_OPS,
  type ConvOp,
  FILTER_MULTIPLIERS,
  KERNELS,
  type Kernel,
  LAYER_DELTAS,
  MAX_FILTERS,
  roundFilters,
  SE_RATIOS,
  type SeRatio,
  SKIP_OPS,
  type SkipOp,
} from './choices.ts';
import { MnasSpecError } from './errors.ts';

/**
 * One block as a caller gives it. Width: `filterMultiplier` (0.75, 1 or 1.25 of the baseline,
 * rounded by roundFilters; the sampler's way) or explicit `filters` (any width, for published
 * networks such as MnasNet-A1); neither means the baseline width. Depth: `layerDelta` (−1, 0 or
 * +1) or explicit `layers` (within the baseline ± 1, at least 1); neither means the baseline.
 * Fields are plain strings and numbers because they are checked when a spec is constructed.
 */
export interface MnasBlockInput {
  convOp: string;
  kernel: number;
  /** Squeeze-and-excitation ratio, 0 or 0.25. */
  se: number;
  skip: string;
  filterMultiplier?: number;
  filters?: number;
  layerDelta?: number;
  layers?: number;
}

/** A validated block with its width and depth resolved to absolute numbers. */
export interface MnasBlock {
  readonly convOp: ConvOp;
  readonly kernel: Kernel;
  readonly se: SeRatio;
  readonly skip: SkipOp;
  readonly filters: number;
  readonly layers: number;
}

/**
 * Checks block `index` (0-based) against the search space and resolves its width and depth.
 * Errors name the block 1-based, as the paper does: `block 3: kernel must be 3 or 5, got 7`.
 *
 * @example resolveBlock({ convOp: 'mb6', kernel: 3, se: 0, skip: 'id', filterMultiplier: 1.25 }, 2) // filters 40, layers 3
 */
export function resolveBlock(input: MnasBlockInput, index: number): MnasBlock {
  const baseline = BASELINE[index];
  if (baseline === undefined) throw new RangeError(`no block ${index + 1}`);
  const fail = (message: string): never => {
    throw new MnasSpecError(`block ${index + 1}: ${message}`);
  };
  const oneOf = <T>(field: string, value: unknown, allowed: readonly T[]): T => {
    if (allowed.includes(value as T)) return value as T;
    return fail(`${field} must be ${listed(allowed)}, got ${shown(value)}`);
  };
  if (input === null || typeof input !== 'object')
    return fail(`expected an object, got ${shown(input)}`);
  const convOp = oneOf('convOp', input.convOp, CONV_OPS);
  const kernel = oneOf('kernel', input.kernel, KERNELS);
  const se = oneOf('se', input.se, SE_RATIOS);
  const skip = oneOf('skip', input.skip, SKIP_OPS);

  if (input.filters !== undefined && input.filterMultiplier !== undefined)
    fail('give filters or filterMultiplier, not both');
  let filters = baseline.filters;
  if (input.filterMultiplier !== undefined)
    filters = roundFilters(
      baseline.filters,
      oneOf('filterMultiplier', input.filterMultiplier, FILTER_MULTIPLIERS),
    );
  if (input.filters !== undefined) {
    if (!Number.isInteger(input.filters) || input.filters < 1 || input.filters > MAX_FILTERS)
      fail(`filters must be an integer from 1 to ${MAX_FILTERS}, got ${shown(input.filters)}`);
    filters = input.filters;
  }

  if (input.layers !== undefined && input.layerDelta !== undefined)
    fail('give layers or layerDelta, not both');
  let layers = baseline.layers;
  if (input.layerDelta !== undefined)
    layers = Math.max(1, baseline.layers + oneOf('layerDelta', input.layerDelta, LAYER_DELTAS));
  if (input.layers !== undefined) {
    const least = Math.max(1, baseline.layers - 1);
    const most = baseline.layers + 1;
    if (!Number.isInteger(input.layers) || input.layers < least || input.layers > most)
      fail(
        `layers must be an integer from ${least} to ${most} (baseline ${baseline.layers} ± 1, at least 1), got ${shown(input.layers)}`,
      );
    layers = input.layers;
  }
  return { convOp, kernel, se, skip, filters, layers };
}

function listed(values: readonly unknown[]): string {
  const items = values.map(String);
  if (items.length <= 2) return items.join(' or ');
  return `one of ${items.join(', ')}`;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
