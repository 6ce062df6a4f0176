import type { Database, Db } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { type AnalysisBudget, budgetFrom, remainingMs } from './budget.ts';
import { analysisTimeout, overloaded } from './errors.ts';
import { overOneConnection } from './one-query-at-a-time.ts';
import { AnalysisPool } from './pool.ts';
import { ReadSlots } from './read-slots.ts';
import { type PoolSettings, readPoolSettings } from './settings.ts';
import type { TaskInput, TaskName, TaskOutput } from './tasks.ts';

/** Analyses reading at once (each holds one pooled connection meanwhile; pg's pool has 10). */
export const ANALYSIS_READ_CONNECTIONS = 3;

/** What an analysis' computing phase may do: run tasks in the pool, within its budget. */
export interface AnalysisRun {
  budget: AnalysisBudget;
  compute<N extends TaskName>(
    task: N,
    input: TaskInput<N>,
    transfer?: ArrayBuffer[],
  ): Promise<TaskOutput<N>>;
}

interface Runtime {
  settings: PoolSettings;
  pool: AnalysisPool;
  reads: ReadSlots;
  /** Analyses admitted and not yet finished. */
  active: number;
}

// One pool per process, shared by every API server in it (tests start several).
let runtime: Runtime | undefined;

function current(): Runtime {
  if (runtime === undefined) {
    const settings = readPoolSettings();
    runtime = {
      settings,
      pool: new AnalysisPool({
        size: settings.workers,
        heapMb: settings.workerHeapMb,
        rssLimitMb: settings.rssLimitMb,
      }),
      reads: new ReadSlots(ANALYSIS_READ_CONNECTIONS),
      active: 0,
    };
  }
  return runtime;
}

/**
 * Runs one analysis within bounds, off the event loop where it is heavy:
 * - admission: beyond the analyses being worked on (one per worker, one per read connection)
 *   at most `NNGP_ANALYSIS_QUEUE` wait; another is refused at once with OVERLOADED;
 * - one deadline (`NNGP_ANALYSIS_TIMEOUT_MS`) for all of it: waiting, reading, computing;
 * - `load` reads in one read-only, repeatable-read transaction (every query sees the same data)
 *   whose `statement_timeout` is the time left, on one of {@link ANALYSIS_READ_CONNECTIONS};
 * - `compute` runs after the connection is given back, its CPU-heavy tasks in the worker pool.
 * Past the deadline the analysis fails with ANALYSIS_TIMEOUT (a running task's worker is
 * terminated, a running statement cancelled by Postgres).
 *
 * @example
 * return runAnalysis(db, 'scatter', (tx) => loadPoints(tx, args), (loaded, run) => run.compute('scatter', loaded));
 */
export async function runAnalysis<L, R>(
  db: Db,
  field: string,
  load: (tx: Db, budget: AnalysisBudget) => Promise<L>,
  compute: (loaded: L, run: AnalysisRun) => Promise<R> | R,
): Promise<R> {
  const rt = current();
  const { settings } = rt;
  const capacity = settings.workers + ANALYSIS_READ_CONNECTIONS + settings.queue;
  if (rt.active >= capacity) throw overloaded(field, rt.active);
  rt.active++;
  try {
    const budget = budgetFrom(field, settings.timeoutMs);
    const loaded = await boundedRead(db, rt.reads, budget, load);
    return await compute(loaded, {
      budget,
      compute: (task, input, transfer) => rt.pool.run(task, input, budget, transfer),
    });
  } finally {
    rt.active--;
  }
}

async function boundedRead<L>(
  db: Db,
  reads: ReadSlots,
  budget: AnalysisBudget,
  load: (tx: Db, budget: AnalysisBudget) => Promise<L>,
): Promise<L> {
  const release = await reads.acquire(budget);
  try {
    const left = remainingMs(budget);
    if (left === 0) throw analysisTimeout(budget.field, budget.timeoutMs);
    const client = await (db as Db & { $client: Database['pool'] }).$client.connect();
    try {
      return await overOneConnection(db, client).transaction(
        async (tx) => {
          await tx.execute(sql.raw(`set local statement_timeout = ${left}`));
          // The loaders only select; a transaction offers every query builder they use.
          return load(tx as unknown as Db, budget);
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    } finally {
      client.release();
    }
  } catch (error) {
    throw isStatementTimeout(error) ? analysisTimeout(budget.field, budget.timeoutMs) : error;
  } finally {
    release();
  }
}

/** Postgres' query_canceled (57014), as pg raises it or as Drizzle wraps it. */
function isStatementTimeout(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause)
    if ((e as Error & { code?: unknown }).code === '57014') return true;
  return false;
}

/**
 * The process' pool figures (tests and the benchmark read them).
 *
 * @example analysisPoolState().workers // 1 on a 2-core machine once an analysis ran
 */
export function analysisPoolState(): {
  settings: PoolSettings;
  active: number;
  workers: number;
  waiting: number;
} {
  const rt = current();
  return {
    settings: rt.settings,
    active: rt.active,
    workers: rt.pool.workers,
    waiting: rt.pool.waiting,
  };
}
