import { bigint, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/**
 * One row per unique NAS-Bench-101 module (cell), keyed by its `module_hash`.
 * `matrix` is the dataset's stored adjacency as a row-major '0'/'1' string (V = sqrt(length)).
 */
export const architectures = pgTable(
  'architectures',
  {
    hash: text('hash').primaryKey(),
    matrix: text('matrix').notNull(),
    operations: text('operations').array().notNull(),
    vertices: smallint('vertices').notNull(),
    edges: smallint('edges').notNull(),
    trainableParameters: integer('trainable_parameters').notNull(),
    /** Inference FLOPs per 32x32 image, FLOPs = 2 x multiply-accumulates. */
    flops: bigint('flops', { mode: 'number' }).notNull(),
    residualConnections: smallint('residual_connections').notNull(),
    /** Default size cluster (gap-based), recomputed after the set of architectures changes. */
    sizeCluster: smallint('size_cluster'),
    /** Position in NAS-Bench-101's enumeration order, when it came from enumeration. */
    enumerationIndex: integer('enumeration_index'),
  },
  (t) => [
    index('architectures_parameters_idx').on(t.trainableParameters),
    index('architectures_residual_idx').on(t.residualConnections),
    index('architectures_cluster_idx').on(t.sizeCluster),
    index('architectures_enumeration_idx').on(t.enumerationIndex),
    // The dashboard's listing filters by cluster and residual count, ordered by hash: the page's
    // keys come from this index alone (server/src/architectures/list.ts).
    index('architectures_cluster_residual_hash_idx').on(
      t.sizeCluster,
      t.residualConnections,
      t.hash,
    ),
  ],
);

export type ArchitectureRow = typeof architectures.$inferSelect;
export type NewArchitectureRow = typeof architectures.$inferInsert;
