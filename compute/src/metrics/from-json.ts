import type { BootstrapOptions } from './bootstrap.ts';
import { MetricsInputError } from './errors.ts';
import { type ComparedEvaluation, evaluatePredictors } from './evaluate-predictor.ts';
import type { RandomSubsets, Subset } from './subsets.ts';
import { checkSeries, describe } from './validate.ts';

const FIELDS = ['truth', 'predictors', 'thresholds', 'topK', 'subsets', 'costs', 'bootstrap'];

/**
 * `nngp metrics`: validates parsed JSON of the shape
 * `{"truth": number[], "predictors": {name: number[]}, "thresholds"?: number[], "topK"?: 10,
 *   "subsets"?: number[][] | {"count","size","seed"}, "costs"?: {name: number},
 *   "bootstrap"?: {"resamples"?,"level"?,"seed"?}}`
 * and evaluates every predictor ({@link evaluatePredictors}). Costs are PFLOPs of each predictor
 * over the whole set. Unknown fields are refused so a misspelt optional field is not ignored.
 *
 * @throws MetricsInputError naming the field and the problem, e.g.
 *   `predictors.nngp: has 99 values, expected 100 (the length of truth)`.
 * @example metricsFromJson({ truth: [0.9, 0.92, 0.91], predictors: { nngp: [0.3, 0.5, 0.4] } })
 * // { nngp: { kendallTau: 1, pearson: 1, pqetp: [...], discovered: {...}, ... } }
 */
export function metricsFromJson(input: unknown): Record<string, ComparedEvaluation> {
  const fields = object('input', input);
  for (const key of Object.keys(fields))
    if (!FIELDS.includes(key))
      throw new MetricsInputError(key, `unknown field (expected ${FIELDS.join(', ')})`);
  checkSeries('truth', fields.truth);
  const predictors = object('predictors', fields.predictors);
  const costs = fields.costs === undefined ? undefined : costsOf(fields.costs, predictors);
  if (fields.thresholds !== undefined) checkSeries('thresholds', fields.thresholds);
  if (fields.topK !== undefined && !(Number.isInteger(fields.topK) && (fields.topK as number) >= 1))
    throw new MetricsInputError('topK', `is ${describe(fields.topK)}, expected a positive integer`);
  return evaluatePredictors(fields.truth, predictors as Record<string, number[]>, {
    ...(fields.thresholds === undefined ? {} : { thresholds: fields.thresholds as number[] }),
    ...(fields.topK === undefined ? {} : { topK: fields.topK as number }),
    ...(fields.subsets === undefined ? {} : { subsets: subsetsOf(fields.subsets) }),
    ...(costs === undefined ? {} : { costs }),
    ...(fields.bootstrap === undefined ? {} : { bootstrap: bootstrapOf(fields.bootstrap) }),
  });
}

function object(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MetricsInputError(field, `is ${describe(value)}, expected a JSON object`);
  return value as Record<string, unknown>;
}

function costsOf(value: unknown, predictors: Record<string, unknown>): Record<string, number> {
  const costs = object('costs', value);
  for (const [name, cost] of Object.entries(costs)) {
    if (!(name in predictors)) throw new MetricsInputError(`costs.${name}`, 'names no predictor');
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0)
      throw new MetricsInputError(
        `costs.${name}`,
        `is ${describe(cost)}, expected a finite number of PFLOPs ≥ 0`,
      );
  }
  return costs as Record<string, number>;
}

/** Explicit index lists are checked against n later; a draw spec needs count, size and seed. */
function subsetsOf(value: unknown): Subset[] | RandomSubsets {
  if (Array.isArray(value)) return value as Subset[];
  const spec = object('subsets', value);
  for (const key of Object.keys(spec))
    if (!['count', 'size', 'seed'].includes(key))
      throw new MetricsInputError(`subsets.${key}`, 'unknown field (expected count, size, seed)');
  for (const key of ['count', 'size', 'seed'])
    if (spec[key] === undefined)
      throw new MetricsInputError(`subsets.${key}`, 'missing (give count, size and seed)');
  return spec as unknown as RandomSubsets;
}

function bootstrapOf(value: unknown): BootstrapOptions {
  const spec = object('bootstrap', value);
  for (const key of Object.keys(spec))
    if (!['resamples', 'level', 'seed'].includes(key))
      throw new MetricsInputError(
        `bootstrap.${key}`,
        'unknown field (expected resamples, level, seed)',
      );
  return spec as BootstrapOptions;
}
