import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiChild, startApiChild } from '../load/api-child.ts';
import { gql, prepareFullSpace } from './support.ts';

/*
 * The real API in its own process, over the full space and the record fixture, under a burst of
 * abusive and heavy analyses, while another client looks up one architecture every 200 ms: the
 * lookups answer within 1 s, the API's resident memory stays under 1 GiB, and every abusive
 * request is refused with a coded error or finishes in bounded time.
 */

/** The analysis deadline of the API under test: short, so refusals come quickly. */
const TIMEOUT_MS = 5_000;
/**
 * Codes an abusive or crowded-out analysis may fail with (anything else is a bug):
 * GRAPHQL_PARSE_FAILED is Apollo's for a document over the parser's token limit.
 */
const REFUSALS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
  'ANALYSIS_TIMEOUT',
  'OVERLOADED',
  'ANALYSIS_TOO_LARGE',
]);
const GIB = 1024 ** 3;

let database: TestDatabase;
let api: ApiChild;
let hash: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await prepareFullSpace(database);
  await database.pool.query('ANALYZE');
  const { rows } = await database.pool.query<{ hash: string }>(
    'SELECT hash FROM architectures ORDER BY hash LIMIT 1 OFFSET 1000',
  );
  hash = rows[0]?.hash as string;
  api = await startApiChild(database.url, { NNGP_ANALYSIS_TIMEOUT_MS: String(TIMEOUT_MS) });
}, 900_000);
afterAll(async () => {
  await api?.stop();
  await database?.close();
});

const TRAINING = [4, 12, 36].map((epochs) => `{ kind: TRAINING, epochs: ${epochs} }`).join(', ');
const METRICS_FIELDS = 'predictor count kendallTau discovered { mean standardError }';

/** Abusive requests (each alone once blocked the API for seconds to minutes) and heavy legitimate ones. */
const BURST: { name: string; query: string }[] = [
  {
    name: 'metrics with a million discovery subsets',
    query: `{ metrics(predictors: [{ kind: MODEL_SIZE }], subsets: { count: 1000000, size: 10000 }) { ${METRICS_FIELDS} } }`,
  },
  {
    name: '1,000 scatter aliases with distinct seeds',
    query: `{ ${Array.from(
      { length: 1000 },
      (_, i) => `s${i}: scatter(x: { kind: MODEL_SIZE }, limit: 20000, seed: ${i}) { total }`,
    ).join(' ')} }`,
  },
  {
    name: '20 metrics aliases with distinct seeds',
    query: `{ ${Array.from(
      { length: 20 },
      (_, i) =>
        `m${i}: metrics(predictors: [${TRAINING}, { kind: MODEL_SIZE }, { kind: PROXY, proxy: "zen_score" }], subsets: { seed: ${i} }) { ${METRICS_FIELDS} }`,
    ).join(' ')} }`,
  },
  {
    name: 'metrics, five predictors, whole space',
    query: `{ metrics(predictors: [${TRAINING}, { kind: MODEL_SIZE }, { kind: PROXY, proxy: "zen_score" }]) { ${METRICS_FIELDS} } }`,
  },
  {
    name: 'scatter of 12-epoch against 4-epoch accuracy',
    query:
      '{ scatter(x: { kind: TRAINING, epochs: 4 }, y: { kind: TRAINING, epochs: 12 }, limit: 20000) { total sampled } }',
  },
  {
    name: 'residual bias and model-size correlation',
    query: `{ residualBias { residualConnections architectures } modelSizeCorrelation(predictors: [${TRAINING}]) { predictor kendallTau } }`,
  },
  { name: 'parameter histogram, 500 bins', query: '{ parameterHistogram(bins: 500) { count } }' },
];

interface Outcome {
  name: string;
  ms: number;
  status: number;
  codes: string[];
  hasData: boolean;
}

async function send(name: string, query: string): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(120_000),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    name,
    ms: performance.now() - started,
    status: response.status,
    codes: [...new Set((body.errors ?? []).map((e) => String(e.extensions?.code)))],
    hasData: body.data != null && Object.values(body.data).some((v) => v !== null),
  };
}

/** The API process' resident memory in bytes, read by the kernel (the API's event loop may be busy). */
async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

describe('the API under abusive analyses', () => {
  it('keeps answering lookups within 1 s, stays under 1 GiB and refuses or bounds every abusive request', async () => {
    const lookup = `{ architecture(hash: "${hash}") { hash trainableParameters residualConnections } }`;
    const probe = await send('lookup', lookup);
    expect(probe.codes).toEqual([]);

    let burstDone = false;
    const lookups: number[] = [];
    let peakRss = await residentBytes(api.pid);
    const prober = (async () => {
      while (!burstDone) {
        const next = sleep(200);
        const r = await send('lookup', lookup);
        expect(r.codes, 'lookup errors').toEqual([]);
        lookups.push(r.ms);
        await next;
      }
    })();
    const sampler = (async () => {
      while (!burstDone) {
        peakRss = Math.max(peakRss, await residentBytes(api.pid));
        await sleep(100);
      }
    })();

    const burstStarted = performance.now();
    const outcomes = await Promise.all(BURST.map((b) => send(b.name, b.query)));
    const burstMs = performance.now() - burstStarted;
    burstDone = true;
    await Promise.all([prober, sampler]);

    for (const o of outcomes) {
      // Refused with a code, or answered: never an unexplained failure.
      for (const code of o.codes) expect(REFUSALS, `${o.name}: ${code}`).toContain(code);
      if (o.codes.length === 0) expect(o.hasData, o.name).toBe(true);
      // Bounded: each analysis is admitted or refused at once and stopped at its deadline (plus
      // generous room for a loaded machine).
      expect(o.ms, o.name).toBeLessThan(TIMEOUT_MS * 6);
    }
    // 10^10 draws cannot finish in time anywhere: refused up front or stopped.
    expect(outcomes[0]?.codes.length, 'a million subsets were computed').toBeGreaterThan(0);

    expect(lookups.length).toBeGreaterThanOrEqual(Math.floor(burstMs / 1_200));
    expect(Math.max(...lookups), `lookups: ${lookups.map((ms) => ms.toFixed(0))}`).toBeLessThan(
      1_000,
    );
    expect(peakRss).toBeLessThan(GIB);

    // Afterwards the API is itself again: a legitimate analysis answers.
    const after = await gql<{ metrics: { count: number }[] }>(
      api.url,
      '{ metrics(predictors: [{ kind: TRAINING, epochs: 12 }]) { count } }',
    );
    expect(after.errors).toBeUndefined();
    expect(after.data?.metrics[0]?.count).toBeGreaterThan(10_000);
  }, 300_000);
});
