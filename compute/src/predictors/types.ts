import type { SearchSpace } from '@nngp-nas/db';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { NngpCostConfig } from '../metrics/index.ts';
import type { TrainingRepeat } from './repeat.ts';

/** Ground truth of the filtered architectures, by hash (ascending), with their inference FLOPs. */
export interface TruthRow {
  hash: string;
  value: number;
  flops: number;
}

/** What a predictor is. */
export type PredictorKind = 'training' | 'proxy' | 'model-size' | 'nngp' | 'ntk' | 'hybrid';

/** One predictor's values, by hash, and how to price it. */
export interface LoadedPredictor {
  label: string;
  kind: PredictorKind;
  values: Map<string, number>;
  /** FLOPs of the predictor for one architecture (inference FLOPs F); null: unknown. */
  cost: ((flops: number, hash: string) => number) | null;
  /** Training runs the cost charges for one architecture; null when it trains nothing. */
  trainingRuns: ((hash: string) => number) | null;
  /** The repeat choice of its training accuracies (training and hybrid); null otherwise. */
  repeat: TrainingRepeat | null;
  notes: string[];
}

/** An NNGP predictor, with the configuration its cost model reads. */
export interface LoadedNngp extends LoadedPredictor {
  costConfig: NngpCostConfig;
}

/** The architectures predictors are loaded over, and their ground truth (loaded at most once). */
export interface PredictorScope {
  /**
   * What a predictor query whose rows are keyed by the module-hash column `hash` of its own
   * table adds to its WHERE clause: the architecture filter, and the ground truth's existence
   * when the analysis only reads architectures having it.
   */
  within(hash: AnyPgColumn): SQL | undefined;
  /** Epoch budget of the ground truth (GROUND_TRUTH_EPOCHS unless a caller says otherwise). */
  truthEpochs: number;
  /** The search space, whose ground truth `truth` reads (NAS-Bench-101: 108-epoch accuracy; MNAS: the reward). */
  space: SearchSpace;
  truth(): Promise<TruthRow[]>;
}
