import type { Db } from '@nngp-nas/db';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import {
  hashOrderedParts,
  MAX_HASH_ORDERED_PARTS,
} from '../src/architectures/hash-ordered-parts.ts';

/** These filters build no subquery, so the Db is never used. */
const NO_DB = {} as Db;
const dialect = new PgDialect();

describe('hashOrderedParts', () => {
  it('splits named clusters and a bounded residual range into one part per pair', () => {
    const parts = hashOrderedParts(NO_DB, {
      sizeClusters: [2, 0, 2],
      residualConnections: { min: 1, max: 3 },
      trainableParameters: { min: 1000 },
    });
    expect(parts).toHaveLength(6);
    const rendered = (parts ?? []).map((part) => {
      if (part === undefined) throw new Error('a part without a condition');
      return dialect.sqlToQuery(part);
    });
    // Each part pins the space, one cluster and one residual count (equalities: the planner
    // reads a range, even `>= 1 and <= 1`, as unordered), and keeps the rest of the filter.
    expect(rendered.map((q) => [q.params[0], q.params[1], q.params.at(-1)])).toEqual([
      ['nasbench101', 2, 1],
      ['nasbench101', 2, 2],
      ['nasbench101', 2, 3],
      ['nasbench101', 0, 1],
      ['nasbench101', 0, 2],
      ['nasbench101', 0, 3],
    ]);
    for (const q of rendered) {
      expect(q.sql).toContain('"architectures"."space" = $1');
      expect(q.sql).toContain('"architectures"."residual_connections" = $');
      expect(q.sql).not.toContain('"residual_connections" >=');
      expect(q.sql).toContain('"trainable_parameters" >=');
      expect(q.params).toContain(1000);
    }
  });

  it('leaves filters the index cannot walk in hash order whole', () => {
    expect(hashOrderedParts(NO_DB, undefined)).toBeUndefined();
    expect(hashOrderedParts(NO_DB, { residualConnections: { min: 1, max: 2 } })).toBeUndefined();
    expect(
      hashOrderedParts(NO_DB, { sizeClusters: [1], residualConnections: { min: 1 } }),
    ).toBeUndefined();
    expect(
      hashOrderedParts(NO_DB, { sizeClusters: [], residualConnections: { min: 1, max: 2 } }),
    ).toBeUndefined();
    expect(
      hashOrderedParts(NO_DB, { sizeClusters: [1], residualConnections: { min: 3, max: 2 } }),
    ).toBeUndefined();
    const tooMany = { sizeClusters: [0, 1, 2, 3], residualConnections: { min: 0, max: 8 } };
    expect(4 * 9).toBeGreaterThan(MAX_HASH_ORDERED_PARTS);
    expect(hashOrderedParts(NO_DB, tooMany)).toBeUndefined();
  });
});
