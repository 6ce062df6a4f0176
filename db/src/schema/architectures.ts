import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** The search spaces whose architectures the database holds. */
export const SEARCH_SPACES = ['nasbench101', 'mnas'] as const;
export type SearchSpace = (typeof SEARCH_SPACES)[number];

/**
 * One row per unique architecture, keyed by its hash: a NAS-Bench-101 module (cell), whose
 * `matrix` is the dataset's stored adjacency as a row-major '0'/'1' string (V = sqrt(length)),
 * or an MNAS network, whose `encoding` is its canonical text (compute/mnas) and hash its md5.
 */
export const architectures = pgTable(
  'architectures',
  {
    hash: text('hash').primaryKey(),
    space: text('space', { enum: SEARCH_SPACES }).notNull().default('nasbench101'),
    /** MNAS: the canonical encoding; null for NAS-Bench-101. */
    encoding: text('encoding'),
    /** NAS-Bench-101 only (null for MNAS), as are operations, vertices and edges. */
    matrix: text('matrix'),
    operations: text('operations').array(),
    vertices: smallint('vertices'),
    edges: smallint('edges'),
    /** MNAS: with the 1,000-class head. */
    trainableParameters: integer('trainable_parameters').notNull(),
    /** Inference FLOPs per image, FLOPs = 2 x multiply-accumulates (32x32; MNAS 224x224). */
    flops: bigint('flops', { mode: 'number' }).notNull(),
    /** NAS-Bench-101: the cell's residual connections; MNAS: layers with an identity residual. */
    residualConnections: smallint('residual_connections').notNull(),
    /** Default size cluster of its space (gap-based), recomputed after the set changes. */
    sizeCluster: smallint('size_cluster'),
    /** Position in NAS-Bench-101's enumeration order, when it came from enumeration. */
    enumerationIndex: integer('enumeration_index'),
  },
  (t) => [
    check('architectures_space_check', sql`${t.space} IN ('nasbench101', 'mnas')`),
    check(
      'architectures_space_fields_check',
      sql`CASE ${t.space} WHEN 'nasbench101' THEN ${t.matrix} IS NOT NULL AND ${t.operations} IS NOT NULL AND ${t.vertices} IS NOT NULL AND ${t.edges} IS NOT NULL ELSE ${t.encoding} IS NOT NULL END`,
    ),
    index('architectures_parameters_idx').on(t.trainableParameters),
    index('architectures_residual_idx').on(t.residualConnections),
    index('architectures_cluster_idx').on(t.sizeCluster),
    index('architectures_enumeration_idx').on(t.enumerationIndex),
    // The dashboard's listing filters by space, cluster and residual count, ordered by hash: the
    // page's keys come from this index alone (server/src/architectures/list.ts).
    index('architectures_space_cluster_residual_hash_idx').on(
      t.space,
      t.sizeCluster,
      t.residualConnections,
      t.hash,
    ),
  ],
);

export type ArchitectureRow = typeof architectures.$inferSelect;
export type NewArchitectureRow = typeof architectures.$inferInsert;

type NasbenchFields = 'matrix' | 'operations' | 'vertices' | 'edges';
/** A NAS-Bench-101 row to insert: the cell's fields present (the table's CHECK requires them). */
export type NewNasbenchArchitectureRow = Omit<NewArchitectureRow, NasbenchFields> & {
  [K in NasbenchFields]-?: NonNullable<NewArchitectureRow[K]>;
};
