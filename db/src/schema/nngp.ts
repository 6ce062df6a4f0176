import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { architectures, type SearchSpace } from './architectures.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** The configuration an experiment was run with (largest n_train / n_val / ensemble). */
export interface ExperimentConfig {
  /** The search space of its architectures; absent in NAS-Bench-101 experiments. */
  space?: SearchSpace;
  /**
   * MNAS: where and how its images were drawn (an ImageNet-format folder, 'all' classes or a
   * seeded subset of this many, the centre crop's side). `dataset` names the folder too, and
   * for MNAS `stemChannels` is the network's stem (32), `stacks` its blocks (7),
   * `modulesPerStack` 0: the network is the spec, not a stack of cells.
   */
  mnas?: { images: string; labels: 'all' | number; resolution: number };
  nTrain: number;
  nVal: number;
  ensemble: number;
  seed: number;
  stemChannels: number;
  stacks: number;
  modulesPerStack: number;
  dataset: string;
  /** Images in the training-mode pass that sets batch-norm statistics. */
  bnBatchSize: number;
  /** Smaller (nTrain, nVal, ensemble) settings derived from the stored kernels. */
  configs: { nTrain: number; nVal: number; ensemble: number }[];
  /**
   * Engine of the forward passes (compute's ENGINES); absent in experiments made before there was
   * a choice, which then run on compute's default. Not a kernel setting: engines agree to 1e-6.
   */
  engine?: 'tfjs' | 'onnx';
  /**
   * Kernels estimated for every architecture: the NNGP's, the empirical NTK's (compute's
   * KERNEL_KINDS), or both; absent in experiments made before the NTK, which estimated the NNGP.
   */
  kernels?: KernelKind[];
}

/** Which kernel a stored kernel or result is of: the NNGP's or the empirical NTK's. */
export const KERNEL_KINDS = ['nngp', 'ntk'] as const;
export type KernelKind = (typeof KERNEL_KINDS)[number];

export const nngpExperiments = pgTable('nngp_experiments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  config: jsonb('config').$type<ExperimentConfig>().notNull(),
  /** Which per-seed kernels are kept: every seed, only the largest configuration, or none. */
  retention: text('retention', { enum: ['all', 'largest', 'none'] })
    .notNull()
    .default('all'),
  precision: text('precision', { enum: ['float32', 'float16'] })
    .notNull()
    .default('float32'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set by the API's cancel mutation (pending evaluation jobs are removed); null otherwise. */
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  /** The latest evaluation job that failed for good, as `<hash>: <message>`; null until one does. */
  lastError: text('last_error'),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
});

/**
 * The graphile-worker workers (one per job slot) of the evaluation processes that are alive,
 * each beating every few seconds. A job locked by a worker whose beat went stale belongs to a
 * dead process, so any live worker may unlock it. Heartbeats, not session locks: they use the
 * database's clock and expire on time whatever happens to a TCP connection.
 */
export const evaluationWorkers = pgTable('evaluation_workers', {
  /** graphile-worker's worker id, as in its jobs' `locked_by`. */
  workerId: text('worker_id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A per-seed kernel, stored as K (K_tt upper triangle + K_vt) or its factor Phi, whichever is smaller. */
export const nngpKernels = pgTable(
  'nngp_kernels',
  {
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => nngpExperiments.id, { onDelete: 'cascade' }),
    moduleHash: text('module_hash')
      .notNull()
      .references(() => architectures.hash),
    /** The NNGP's or the empirical NTK's kernel. */
    kind: text('kind', { enum: KERNEL_KINDS }).notNull().default('nngp'),
    seed: integer('seed').notNull(),
    nTrain: integer('n_train').notNull(),
    nVal: integer('n_val').notNull(),
    representation: text('representation', { enum: ['kernel', 'features'] }).notNull(),
    /** Feature width d when representation is 'features'. */
    width: integer('width'),
    dtype: text('dtype', { enum: ['float32', 'float16'] }).notNull(),
    data: bytea('data').notNull(),
    backend: text('backend').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.moduleHash, t.kind, t.seed] }),
    check('nngp_kernels_kind_check', sql`${t.kind} IN ('nngp', 'ntk')`),
  ],
);

/**
 * Validation accuracy of kernel inference (NNGP or empirical NTK) for one architecture and one
 * (n_train, n_val, ensemble) configuration.
 */
export const nngpResults = pgTable(
  'nngp_results',
  {
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => nngpExperiments.id, { onDelete: 'cascade' }),
    moduleHash: text('module_hash')
      .notNull()
      .references(() => architectures.hash),
    /** Inference with the NNGP kernel or the empirical NTK. */
    kind: text('kind', { enum: KERNEL_KINDS }).notNull().default('nngp'),
    nTrain: integer('n_train').notNull(),
    nVal: integer('n_val').notNull(),
    ensemble: smallint('ensemble').notNull(),
    /** Best validation accuracy over the regularizer grid; null when every solve failed. */
    accuracy: doublePrecision('accuracy'),
    /** Accuracy per regularizer; null where the factorisation failed. */
    accuracies: doublePrecision('accuracies').array().notNull(),
    regularizers: doublePrecision('regularizers').array().notNull(),
    engine: text('engine').notNull(),
    backend: text('backend').notNull(),
    seconds: real('seconds').notNull(),
    flops: doublePrecision('flops').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      columns: [t.experimentId, t.moduleHash, t.kind, t.nTrain, t.nVal, t.ensemble],
    }),
    index('nngp_results_module_idx').on(t.moduleHash),
    check('nngp_results_kind_check', sql`${t.kind} IN ('nngp', 'ntk')`),
  ],
);

export type NngpExperimentRow = typeof nngpExperiments.$inferSelect;
export type NngpKernelRow = typeof nngpKernels.$inferSelect;
export type NngpResultRow = typeof nngpResults.$inferSelect;
export type EvaluationWorkerRow = typeof evaluationWorkers.$inferSelect;
