import { type NngpCostConfig, nngpFlops, ntkFlops, PETA, trainingFlops } from '../metrics/index.ts';
import type { TruthRow } from './types.ts';

/*
 * What each predictor costs, per architecture, from compute/metrics' FLOP formulas: the one
 * place the predictors (CLI, API, export) price themselves.
 */

/**
 * Shortened training for `epochs`, `runs(hash)` runs of it (one per repeat used).
 *
 * @example trainingCost(4, () => 3)(1.2e9, hash) // three 4-epoch runs
 */
export function trainingCost(
  epochs: number,
  runs: (hash: string) => number,
): (flops: number, hash: string) => number {
  return (flops, hash) => runs(hash) * trainingFlops(epochs, flops);
}

/**
 * One NNGP evaluation at `config`.
 *
 * @example nngpCost({ nTrain: 100, nVal: 200, ensemble: 2 })(1.2e9)
 */
export function nngpCost(config: NngpCostConfig): (flops: number) => number {
  return (flops) => nngpFlops(config, flops);
}

/**
 * One empirical-NTK evaluation at `config`, for architectures of `parameters(hash)` trainable
 * parameters (full width).
 *
 * @example ntkCost({ nTrain: 100, nVal: 200, ensemble: 2 }, () => 2.7e6)(1.2e9, hash)
 */
export function ntkCost(
  config: NngpCostConfig,
  parameters: (hash: string) => number,
): (flops: number, hash: string) => number {
  return (flops, hash) => ntkFlops(config, flops, parameters(hash));
}

/** Model size is read off the architecture: free. */
export const MODEL_SIZE_COST = (): number => 0;

/** An imported proxy was computed elsewhere: its cost is unknown. */
export const PROXY_COST_NOTE = 'cost: unknown for an imported proxy (computed elsewhere)';

/**
 * Σ of `cost` over `rows`, in PFLOPs; null for an unknown cost.
 *
 * @example costPflopsOver(rows, trainingCost(4, () => 1))
 */
export function costPflopsOver(
  rows: readonly TruthRow[],
  cost: ((flops: number, hash: string) => number) | null,
): number | null {
  if (cost === null) return null;
  return rows.reduce((sum, r) => sum + cost(r.flops, r.hash), 0) / PETA;
}
