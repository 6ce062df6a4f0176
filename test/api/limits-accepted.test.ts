import { nngpExperiments } from '@nngp-nas/db';
import { MAX_COMPLEXITY, MAX_PREDICTORS } from '@nngp-nas/server';
import { measureRequest } from '@nngp-nas/server/testing';
import * as documents from '@nngp-nas/web/api-documents';
import { API_MAX_PREDICTORS } from '@nngp-nas/web/predictors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApi, type TestApi } from './support.ts';

// The limits must refuse abuse without refusing real use: every document the dashboard sends
// (web/src/lib/api/documents.ts), with its largest realistic variables, and the README's
// notebook queries, answered over the record fixture, each at most half the complexity limit.
let t: TestApi;
let experiment: string;

beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  const configs = Array.from({ length: 14 }, (_, i) => ({
    nTrain: 50 * (i + 1),
    nVal: 100,
    ensemble: 1,
  }));
  const [row] = await t.database.db
    .insert(nngpExperiments)
    .values({
      name: 'limits-accepted',
      config: {
        nTrain: 1000,
        nVal: 1000,
        ensemble: 1,
        seed: 0,
        stemChannels: 16,
        stacks: 3,
        modulesPerStack: 3,
        dataset: 'cifar10-subset',
        bnBatchSize: 128,
        configs,
      },
    })
    .returning();
  experiment = String(row?.id);
});
afterAll(() => t?.close());

/** The dashboard's widest predictor list: 4/12/36 epochs, model size, zen_score, 15 NNGP configs. */
const dashboardPredictors = () => [
  ...[4, 12, 36].map((epochs) => ({ kind: 'TRAINING', epochs, name: `${epochs} epochs` })),
  { kind: 'MODEL_SIZE', name: 'model size' },
  { kind: 'PROXY', proxy: 'zen_score', name: 'zen_score' },
  ...[1000, ...Array.from({ length: 14 }, (_, i) => 50 * (i + 1))].map((nTrain) => ({
    kind: 'NNGP',
    experiment,
    nTrain,
    nVal: nTrain === 1000 ? 1000 : 100,
    ensemble: 1,
    name: `NNGP ${nTrain}`,
  })),
];

const FILTER = { sizeClusters: [1], residualConnections: { min: 1, max: 2 } };

/** The README's notebook queries (GraphQL API → Notebooks), with their variables. */
const NOTEBOOK = {
  listing: `query ($filter: ArchitectureFilter, $after: String) {
    architectures(filter: $filter, first: 500, after: $after) {
      totalCount
      edges { node { hash trainableParameters residualConnections groundTruth
                     trainingMeans { epochs validationAccuracy } proxies { name value } } }
      pageInfo { hasNextPage endCursor } } }`,
  metrics: `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
    metrics(filter: $filter, predictors: $predictors) {
      predictor count kendallTau pearson costPflops discovered { mean standardError } } }`,
};

const cases = (): [string, string, Record<string, unknown>][] => [
  ['EXPERIMENTS', documents.EXPERIMENTS.toString(), {}],
  ['EXPERIMENT_STATES', documents.EXPERIMENT_STATES.toString(), {}],
  ['SIZE_CLUSTERS', documents.SIZE_CLUSTERS.toString(), {}],
  [
    'COUNTS',
    documents.COUNTS.toString(),
    { filter: FILTER, withTruth: { ...FILTER, hasGroundTruth: true } },
  ],
  [
    'ARCHITECTURES (500 rows, NNGP columns)',
    documents.ARCHITECTURES.toString(),
    { filter: FILTER, first: 500, experiment, withNngp: true },
  ],
  ['ARCHITECTURE', documents.ARCHITECTURE.toString(), { hash: '00005c142e6f48ac74fdcf73e3439874' }],
  [
    'METRICS (20 predictors)',
    documents.METRICS.toString(),
    { filter: FILTER, predictors: dashboardPredictors() },
  ],
  [
    'SEARCH_SPACE_REDUCTION',
    documents.SEARCH_SPACE_REDUCTION.toString(),
    { filter: FILTER, nngp: { experiment } },
  ],
  ['HYBRID', documents.HYBRID.toString(), { filter: FILTER, nngp: { experiment } }],
  [
    'RESIDUAL_BIAS',
    documents.RESIDUAL_BIAS.toString(),
    { filter: FILTER, predictors: dashboardPredictors().slice(0, 4) },
  ],
  [
    'MODEL_SIZE_CORRELATION',
    documents.MODEL_SIZE_CORRELATION.toString(),
    { filter: FILTER, predictors: dashboardPredictors().slice(5) },
  ],
  [
    'SCATTER',
    documents.SCATTER.toString(),
    { filter: FILTER, x: { kind: 'MODEL_SIZE' }, limit: 2000 },
  ],
  ['PARAMETER_HISTOGRAM', documents.PARAMETER_HISTOGRAM.toString(), { filter: FILTER, bins: 60 }],
  ['notebook listing', NOTEBOOK.listing, { filter: FILTER, after: null }],
  [
    'notebook metrics',
    NOTEBOOK.metrics,
    {
      filter: FILTER,
      predictors: [
        ...[4, 12, 36].map((epochs) => ({ kind: 'TRAINING', epochs })),
        { kind: 'MODEL_SIZE' },
        { kind: 'PROXY', proxy: 'zen_score' },
      ],
    },
  ],
];

describe('what the dashboard and the notebooks send stays accepted', () => {
  it('the fixture has the clusters and the architecture the queries name', async () => {
    const r = await gql<{ sizeClusters: { id: number }[] }>(t.api.url, '{ sizeClusters { id } }');
    expect(r.data?.sizeClusters.map((c) => c.id)).toContain(1);
  });

  it.each(cases().map(([name]) => [name]))('%s', async (name) => {
    const [, query, variables] = cases().find(([n]) => n === name) as [
      string,
      string,
      Record<string, unknown>,
    ];
    const r = await gql(t.api.url, query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.status).toBe(200);
    expect(measureRequest(query, variables).complexity).toBeLessThanOrEqual(MAX_COMPLEXITY / 2);
  });
});

describe('size-cluster ids are checked against the stored clusters', () => {
  it.each([
    ['an unknown id', [1, 99]],
    ['a negative id', [-1]],
  ])('%s is BAD_USER_INPUT naming filter.sizeClusters and the known ids', async (_, ids) => {
    const started = performance.now();
    const r = await gql(
      t.api.url,
      'query ($f: ArchitectureFilter) { architectures(filter: $f) { totalCount } }',
      { f: { sizeClusters: ids } },
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'filter',
      field: 'sizeClusters',
    });
    expect(r.errors?.[0]?.message).toMatch(
      /filter\.sizeClusters: no size cluster .*known ids: 0, 1/,
    );
  });

  it('in analyses too, before they run', async () => {
    t.queries.reset();
    const r = await gql(
      t.api.url,
      '{ metrics(filter: {sizeClusters: [77]}, predictors: [{kind: MODEL_SIZE}]) { count } }',
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sizeClusters',
    });
    // Only the small lookup of the stored cluster ids.
    expect(t.queries.count).toBe(1);
  });

  it.each([
    [{ sizeClusters: '77' }, 'sizeClusters', undefined],
    [{ filter: '{"sizeClusters": [0, 77]}' }, 'filter', 'sizeClusters'],
  ])(
    'the CSV export answers %j with 400 naming the parameter',
    async (parameters, argument, field) => {
      const url = new URL('/export/architectures.csv', t.api.url);
      for (const [k, v] of Object.entries(parameters)) url.searchParams.set(k, v);
      const response = await fetch(url);
      expect(response.status).toBe(400);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ argument, ...(field === undefined ? {} : { field }) });
      expect(String(body.error)).toMatch(/no size cluster 77; known ids/);
    },
  );
});

describe('the dashboard within the predictor limit', () => {
  it('asks for at most as many predictors per request as the API takes', () => {
    expect(API_MAX_PREDICTORS).toBe(MAX_PREDICTORS);
  });
});
