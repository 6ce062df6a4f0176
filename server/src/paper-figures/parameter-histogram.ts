import { architectures, type Db } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { architectureCondition } from '../architectures/filter.ts';
import { runAnalysis } from '../compute-pool/run-analysis.ts';
import { badUserInput } from '../errors.ts';
import type { HistogramBin, QueryParameterHistogramArgs } from '../generated/resolvers-types.ts';

/** Bins when the query gives none. */
export const DEFAULT_BINS = 60;
/** Most bins one histogram may have. */
export const MAX_BINS = 500;

/**
 * `Query.parameterHistogram` (paper Fig. S7): trainable-parameter counts of the filtered
 * architectures in `bins` bins of equal width in log10 between their minimum and maximum.
 * The bin edges are computed here and counted in SQL (`width_bucket` over the edges, so a count
 * is exactly the architectures within the bounds returned); bin i is [min_i, max_i), the last
 * one closed. A single parameter count gives one bin; no architecture gives none.
 *
 * @example await parameterHistogram(db, { filter: { residualConnections: { max: 0 } }, bins: 30 })
 */
export async function parameterHistogram(
  db: Db,
  args: QueryParameterHistogramArgs,
): Promise<HistogramBin[]> {
  const bins = args.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS)
    throw badUserInput(`bins ${bins} is not in [1, ${MAX_BINS}]`, 'bins');
  // SQL only (nothing to compute), but bounded like every analysis.
  return runAnalysis(
    db,
    'parameterHistogram',
    (tx) => countBins(tx, args, bins),
    (counted) => counted,
  );
}

async function countBins(
  db: Db,
  args: QueryParameterHistogramArgs,
  bins: number,
): Promise<HistogramBin[]> {
  const where = architectureCondition(db, args.filter);
  const parameters = architectures.trainableParameters;
  const [range] = await db
    .select({
      min: sql<number | null>`min(${parameters})`.mapWith(Number),
      max: sql<number | null>`max(${parameters})`.mapWith(Number),
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(architectures)
    .where(where);
  if (range === undefined || range.count === 0) return [];
  const { min, max } = range as { min: number; max: number; count: number };
  if (min === max) return [{ min, max, count: range.count }];
  const edges = logEdges(min, max, bins);
  // width_bucket(v, lower bounds) is i for lowerBounds[i-1] ≤ v < lowerBounds[i], and the last
  // bucket for v ≥ the last lower bound, which closes the last bin at max.
  const lowerBounds = edges.slice(0, bins);
  const counts = await db
    .select({
      bucket:
        sql<number>`width_bucket(${parameters}::float8, ${sql.param(lowerBounds)}::float8[])`.mapWith(
          Number,
        ),
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(architectures)
    .where(where)
    .groupBy(sql`1`);
  const byBucket = new Map(counts.map((c) => [c.bucket, c.count]));
  return lowerBounds.map((lower, i) => ({
    min: lower,
    max: edges[i + 1] as number,
    count: byBucket.get(i + 1) ?? 0,
  }));
}

/** bins + 1 edges equally spaced in log10 from min to max (the ends exact). */
function logEdges(min: number, max: number, bins: number): number[] {
  const lo = Math.log10(min);
  const width = (Math.log10(max) - lo) / bins;
  return Array.from({ length: bins + 1 }, (_, i) =>
    i === 0 ? min : i === bins ? max : 10 ** (lo + i * width),
  );
}
