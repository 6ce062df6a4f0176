import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Ground truth of the filtered architectures, by hash (ascending), with their inference FLOPs. */
export interface TruthRow {
  hash: string;
  value: number;
  flops: number;
}

/** One predictor's values, by hash, and how to price it. */
export interface LoadedPredictor {
  label: string;
  values: Map<string, number>;
  /** FLOPs of the predictor for one architecture (inference FLOPs F, repeats run); null: unknown. */
  cost: ((flops: number, hash: string) => number) | null;
  notes: string[];
}

/**
 * Where a predictor input sits in the query, for error messages: the argument a BAD_USER_INPUT
 * names (`predictors`, `x`, `nngp` …) and the message prefix (`predictors[2]`).
 */
export interface PredictorSite {
  argument: string;
  label: string;
}

/** The architectures predictors are loaded over, and their ground truth (loaded at most once). */
export interface PredictorScope {
  /**
   * What a predictor query whose rows are keyed by the module-hash column `hash` of its own
   * table adds to its WHERE clause: the architecture filter, and the
   * ground truth's existence when the analysis only reads architectures having it.
   */
  within(hash: AnyPgColumn): SQL | undefined;
  /** Epoch budget of the ground truth (108 unless the query says otherwise). */
  truthEpochs: number;
  truth(): Promise<TruthRow[]>;
}
