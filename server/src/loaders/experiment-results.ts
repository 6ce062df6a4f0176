import { type Db, nngpExperiments, nngpResults } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import { resultAtLargestConfig } from '../experiments/largest-config.ts';

/** An experiment's results at its largest configuration (one per architecture evaluated). */
export interface ExperimentResultsSummary {
  /** Architectures with a result at the largest configuration. */
  done: number;
  /** Sum of those results' FLOPs (each result carries its architecture's evaluation cost once). */
  flops: number;
  /** Engine (tfjs, onnx) and backend or execution provider of the latest of them; null before any. */
  engine: string | null;
  backend: string | null;
  /** Results stored in the last hour, and the seconds between the first and last of them. */
  lastHour: { count: number; spanSeconds: number };
}

/** The window the rate of progress is measured over. */
const RATE_WINDOW = sql`interval '1 hour'`;

/**
 * Per experiment id, its results at its largest configuration summarised: one grouped query for
 * every experiment a request lists.
 *
 * @example (await createExperimentResultsLoader(db).load(3)).done
 */
export function createExperimentResultsLoader(
  db: Db,
): DataLoader<number, ExperimentResultsSummary> {
  return new DataLoader(async (ids) => {
    const e = nngpExperiments;
    const r = nngpResults;
    const recent = sql`${r.createdAt} > now() - ${RATE_WINDOW}`;
    const { rows } = await db.execute<{
      id: number;
      done: number;
      flops: number | string;
      engine: string | null;
      backend: string | null;
      recent: number;
      span: number | string | null;
    }>(sql`
      select ${e.id} as id,
             count(${r.moduleHash})::int as done,
             coalesce(sum(${r.flops}), 0)::float8 as flops,
             (array_agg(${r.engine} order by ${r.createdAt} desc)
                filter (where ${r.moduleHash} is not null))[1] as engine,
             (array_agg(${r.backend} order by ${r.createdAt} desc)
                filter (where ${r.moduleHash} is not null))[1] as backend,
             (count(*) filter (where ${recent}))::int as recent,
             extract(epoch from max(${r.createdAt}) filter (where ${recent})
                              - min(${r.createdAt}) filter (where ${recent}))::float8 as span
        from ${e}
        left join ${r} on ${resultAtLargestConfig()}
       where ${e.id} = any(${sql.param([...ids])}::int[])
       group by ${e.id}`);
    const byId = new Map(rows.map((row) => [Number(row.id), row] as const));
    return ids.map((id): ExperimentResultsSummary => {
      const row = byId.get(id);
      return {
        done: Number(row?.done ?? 0),
        flops: Number(row?.flops ?? 0),
        engine: row?.engine ?? null,
        backend: row?.backend ?? null,
        lastHour: { count: Number(row?.recent ?? 0), spanSeconds: Number(row?.span ?? 0) },
      };
    });
  });
}
