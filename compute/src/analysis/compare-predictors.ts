import {
  type ArchitectureFilter,
  type BootstrapOptions,
  bootstrapCorrelations,
  filterArchitectures,
  type Interval,
  kendallTau,
  nngpFlops,
  pearson,
  restrict,
  setCostPflops,
  trainingFlops,
} from '../metrics/index.ts';
import type { PredictorColumn, PredictorTable } from './predictor-table.ts';

export interface CompareOptions {
  /** Only the architectures passing this filter (size cluster, residual range, parameters). */
  filter?: ArchitectureFilter;
  /** Bootstrap settings (default 1,000 resamples, 95 %, seed 0). */
  bootstrap?: BootstrapOptions;
}

/** One predictor against the ground truth. */
export interface PredictorComparison {
  name: string;
  kind: PredictorColumn['kind'];
  source: string;
  /** Architectures with both the predictor and the ground truth (within the filter). */
  n: number;
  kendallTau: number | null;
  kendallTauInterval: Interval;
  pearson: number | null;
  pearsonInterval: Interval;
  /** Cost of the predictor over those architectures (DESIGN.md §4); null where unknown. */
  costPflops: number | null;
  notes: string[];
}

export interface Comparison {
  groundTruth: string;
  /** Architectures with ground truth within the filter. */
  architectures: number;
  filter: ArchitectureFilter;
  bootstrap: { resamples: number; level: number; seed: number };
  predictors: PredictorComparison[];
}

/**
 * τ-b and r, with bootstrap intervals, of every predictor of `table` against the ground truth,
 * each over the architectures that have both (within `filter`), with the predictor's cost.
 *
 * @example comparePredictors(await loadPredictorTable(pool), { filter: { sizeClusters: [0] } })
 */
export function comparePredictors(table: PredictorTable, options: CompareOptions = {}): Comparison {
  const filter = options.filter ?? {};
  const inFilter = filterArchitectures(
    {
      sizeCluster: table.sizeCluster,
      residualConnections: table.residualConnections,
      trainableParameters: table.trainableParameters,
    },
    filter,
    table.truth.length,
  );
  const bootstrap = {
    resamples: options.bootstrap?.resamples ?? 1000,
    level: options.bootstrap?.level ?? 0.95,
    seed: options.bootstrap?.seed ?? 0,
  };
  const predictors = table.predictors.map((column): PredictorComparison => {
    const present = Uint32Array.from(
      [...inFilter].filter((i) => Number.isFinite(column.values[i])),
    );
    const notes: string[] = [];
    const base = { name: column.name, kind: column.kind, source: column.source, n: present.length };
    if (present.length === 0) {
      notes.push('no architecture in the filter has both this predictor and the ground truth');
      return {
        ...base,
        kendallTau: null,
        kendallTauInterval: null,
        pearson: null,
        pearsonInterval: null,
        costPflops: null,
        notes,
      };
    }
    const truth = restrict(table.truth, present);
    const values = restrict(column.values, present);
    const tau = kendallTau(truth, values);
    const r = pearson(truth, values);
    if (tau === null || r === null)
      notes.push('τ and r are null: fewer than two architectures, or one side is constant');
    const intervals = bootstrapCorrelations(truth, values, bootstrap);
    const dropped = intervals.undefinedResamples;
    if (dropped.kendallTau + dropped.pearson > 0)
      notes.push(
        `bootstrap: ${dropped.kendallTau} (τ) / ${dropped.pearson} (r) resamples undefined, left out`,
      );
    return {
      ...base,
      kendallTau: tau,
      kendallTauInterval: intervals.kendallTau,
      pearson: r,
      pearsonInterval: intervals.pearson,
      costPflops: cost(table, column, present, notes),
      notes,
    };
  });
  return {
    groundTruth: 'mean final validation accuracy over the 108-epoch repeats',
    architectures: inFilter.length,
    filter,
    bootstrap,
    predictors,
  };
}

function cost(
  table: PredictorTable,
  column: PredictorColumn,
  present: Uint32Array,
  notes: string[],
): number | null {
  if (column.epochs !== undefined) {
    const epochs = column.epochs;
    return setCostPflops(table.inferenceFlops, (f) => trainingFlops(epochs, f), present);
  }
  if (column.nngpConfig !== undefined) {
    const config = column.nngpConfig;
    if (column.stemChannels !== undefined)
      notes.push(
        `cost: forward passes use the full-width (stem 128) FLOPs; this experiment ran with stem ${column.stemChannels}`,
      );
    return setCostPflops(table.inferenceFlops, (f) => nngpFlops(config, f), present);
  }
  notes.push('cost: unknown for an imported proxy (computed elsewhere)');
  return null;
}
