import { MetricsInputError } from '@nngp-nas/compute/metrics';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { sql } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetFrom } from '../src/compute-pool/budget.ts';
import { AnalysisPool } from '../src/compute-pool/pool.ts';
import { analysisPoolState, runAnalysis } from '../src/compute-pool/run-analysis.ts';
import { readPoolSettings } from '../src/compute-pool/settings.ts';

/*
 * The analysis worker pool with real worker threads (TypeScript through tsx) and, for the
 * admission and the bounded reads, a real database.
 */

// Read once, at the first analysis of this process: one worker, nobody waiting, 3 s deadline.
process.env.NNGP_ANALYSIS_WORKERS = '1';
process.env.NNGP_ANALYSIS_QUEUE = '0';
process.env.NNGP_ANALYSIS_TIMEOUT_MS = '3000';

const n = 1_000;
const truth = () => Float64Array.from({ length: n }, (_, i) => Math.sin(i));
const values = () => Float64Array.from({ length: n }, (_, i) => Math.sin(i) + Math.cos(7 * i));
/** An evaluation needing minutes: 200,000 discovery subsets of 1,000. */
const endless = { subsets: { count: 200_000, size: n, seed: 0 } };

let pool: AnalysisPool;
let database: TestDatabase;
beforeAll(async () => {
  pool = new AnalysisPool({ size: 1, heapMb: 128 });
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await pool?.close();
  await database?.close();
});

const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;

describe('AnalysisPool', () => {
  it('computes in a worker what compute/metrics computes here', async () => {
    const { evaluatePredictors } = await import('@nngp-nas/compute/metrics');
    const options = { subsets: { count: 3, size: 500, seed: 4 } };
    const here = evaluatePredictors(truth(), { p: values() }, options).p;
    const there = await pool.run(
      'evaluate',
      { label: 'p', truth: truth(), values: values(), options },
      budgetFrom('metrics', 60_000),
    );
    expect(there).toEqual(here);
  }, 60_000);

  it('stops a task at its deadline with ANALYSIS_TIMEOUT, then computes the next one', async () => {
    const started = performance.now();
    const error = await pool
      .run(
        'evaluate',
        { label: 'p', truth: truth(), values: values(), options: endless },
        budgetFrom('metrics', 500),
      )
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe('ANALYSIS_TIMEOUT');
    expect((error as Error).message).toContain('within 500 ms');
    // The deadline, not the minutes the computation needed (room for a loaded machine).
    expect(performance.now() - started).toBeLessThan(10_000);
    const next = await pool.run(
      'modelSize',
      {
        predictor: { hashes: 'a\nb\nc\n', values: Float64Array.of(1, 2, 3) },
        trainableParameters: { hashes: 'a\nb\nc\n', values: Float64Array.of(10, 30, 20) },
      },
      budgetFrom('modelSizeCorrelation', 60_000),
    );
    expect(next.count).toBe(3);
    expect(next.kendallTau).toBeCloseTo(1 / 3, 12);
  }, 60_000);

  it('fails a task that outgrows its memory with ANALYSIS_TOO_LARGE, alone', async () => {
    // Typed arrays live outside the worker's heap: the process' resident memory is what is capped.
    const rssLimitMb = Math.ceil(process.memoryUsage.rss() / 2 ** 20) + 200;
    const small = new AnalysisPool({ size: 1, heapMb: 64, rssLimitMb });
    try {
      // Each subset keeps 40 kB: a million of them need 40 GB.
      const started = performance.now();
      const error = await small
        .run(
          'evaluate',
          {
            label: 'p',
            truth: Float64Array.from({ length: 10_000 }, Math.random),
            values: Float64Array.from({ length: 10_000 }, Math.random),
            options: { subsets: { count: 1_000_000, size: 10_000, seed: 0 } },
          },
          budgetFrom('metrics', 120_000),
        )
        .catch((e: unknown) => e);
      expect(codeOf(error)).toBe('ANALYSIS_TOO_LARGE');
      expect(performance.now() - started).toBeLessThan(100_000);
      // The memory went with the worker.
      await expect
        .poll(() => process.memoryUsage.rss() / 2 ** 20, { timeout: 30_000 })
        .toBeLessThan(rssLimitMb);
    } finally {
      await small.close();
    }
  }, 150_000);

  it("returns compute's input errors as MetricsInputError naming the field", async () => {
    const error = await pool
      .run(
        'evaluate',
        {
          label: 'p',
          truth: truth(),
          values: values(),
          options: { subsets: { count: 1, size: n + 1, seed: 0 } },
        },
        budgetFrom('metrics', 60_000),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricsInputError);
    expect((error as MetricsInputError).field).toBe('subsets.size');
  }, 60_000);
});

describe('runAnalysis', () => {
  it('refuses an analysis at once with OVERLOADED when every place is taken', async () => {
    const { settings } = analysisPoolState();
    expect(settings).toEqual(readPoolSettings());
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // One per worker plus one per read connection, and a queue of 0: four in progress.
    const held = Array.from({ length: 4 }, () =>
      runAnalysis(
        database.db,
        'metrics',
        () => gate,
        () => 'done',
      ),
    );
    const started = performance.now();
    const refused = await runAnalysis(
      database.db,
      'scatter',
      async () => {},
      () => 'ran',
    ).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('OVERLOADED');
    expect(performance.now() - started).toBeLessThan(1_000);
    release();
    expect(await Promise.all(held)).toEqual(['done', 'done', 'done', 'done']);
    expect(analysisPoolState().active).toBe(0);
  }, 60_000);

  it('reads in a read-only transaction whose statements stop at the deadline', async () => {
    const readOnly = await runAnalysis(
      database.db,
      'metrics',
      async (tx) => (await tx.execute(sql`show transaction_read_only`)).rows[0],
      (row) => row,
    );
    expect(readOnly).toEqual({ transaction_read_only: 'on' });
    const started = performance.now();
    const error = await runAnalysis(
      database.db,
      'metrics',
      (tx) => tx.execute(sql`select pg_sleep(30)`),
      () => 'finished',
    ).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('ANALYSIS_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(10_000);
    // The connection came back usable.
    const { rows } = await database.pool.query<{ one: number }>('select 1 as one');
    expect(rows[0]?.one).toBe(1);
  }, 60_000);
});
