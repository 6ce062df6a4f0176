import { readFile } from 'node:fs/promises';
import { matrixFromText } from '@nngp-nas/compute/nasbench';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gql, parseCsv } from '../api/support.ts';
import { CHARTS_BY_ROUTE, chartFingerprint, chartState, numberIn } from './support/charts.ts';
import { type DashboardStack, startDashboardStack } from './support/dashboard-stack.ts';
import {
  type ShowcaseArchitecture,
  showcaseArchitecture,
} from './support/showcase-architecture.ts';

// One stack for the whole file: the build and next start happen once. Building web/ from
// scratch takes minutes on two cores; pages render server-side against the API on each load.
const STACK_TIMEOUT = 900_000;
const PAGE_TIMEOUT = 180_000;
/** expect.poll for what a page shows after a navigation or a server action. */
const POLL = { timeout: 60_000, interval: 250 };

let stack: DashboardStack;
let context: BrowserContext;
/** The architecture shown on /architectures/[hash]: the experiment's one with most vertices. */
let shown: ShowcaseArchitecture;

beforeAll(async () => {
  const started = performance.now();
  stack = await startDashboardStack({ log: (line) => process.stderr.write(`${line}\n`) });
  process.stderr.write(
    `dashboard stack up in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  // Reduced motion and fixed size: what is read from a chart does not depend on animation.
  context = await stack.browser.newContext({
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(60_000);
  shown = await showcaseArchitecture(stack.database, stack.data.experimentHashes);
}, STACK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await stack?.close();
}, 60_000);

const pages: Page[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

/** Loads `route` in a fresh page; `errors` collects uncaught exceptions of the page's scripts. */
async function open(route: string): Promise<{ page: Page; status: number; errors: string[] }> {
  const page = await context.newPage();
  pages.push(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(stack.url(route), { waitUntil: 'load', timeout: 120_000 });
  return { page, status: response?.status() ?? 0, errors };
}

async function sqlCount(query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await stack.database.pool.query<{ n: string }>(query, params);
  return Number(rows[0]?.n);
}

const routes = () =>
  [
    ['/', '/'],
    ['/metrics', '/metrics'],
    ['/bias', '/bias'],
    ['/architectures', '/architectures'],
    ['/architectures/[hash]', `/architectures/${shown.hash}`],
    ['/experiments/[id]', `/experiments/${stack.data.experimentId}`],
  ] as const;

describe('every page of the dashboard against the fixture API', () => {
  for (const pattern of Object.keys(CHARTS_BY_ROUTE) as (keyof typeof CHARTS_BY_ROUTE)[]) {
    it(
      `${pattern} answers 200 and each of its charts draws marks, with no error or empty state`,
      async () => {
        const route = routes().find(([p]) => p === pattern)?.[1] as string;
        const { page, status, errors } = await open(route);
        expect(status).toBe(200);
        for (const id of CHARTS_BY_ROUTE[pattern]) {
          const state = await chartState(page, id);
          expect({ chart: id, ...state }).toMatchObject({ chart: id, errors: [], empties: [] });
          expect(state.marks, `marks of ${id}`).toBeGreaterThan(0);
        }
        expect(errors).toEqual([]);
      },
      PAGE_TIMEOUT,
    );
  }
});

describe('overview', () => {
  it(
    'shows the database counts and the experiment with its progress',
    async () => {
      const { page } = await open('/');
      // The overview shows NAS-Bench-101 (the default space); the MNAS fixture is beside it.
      const architectures = await sqlCount(
        "SELECT count(*) AS n FROM architectures WHERE space = 'nasbench101'",
      );
      const groundTruth = await sqlCount(
        'SELECT count(DISTINCT module_hash) AS n FROM training_records WHERE epochs = 108',
      );
      const nngp = await sqlCount(
        `SELECT count(DISTINCT module_hash) AS n FROM nngp_results r
          WHERE EXISTS (SELECT 1 FROM architectures a WHERE a.hash = r.module_hash AND a.space = 'nasbench101')`,
      );
      expect([architectures, groundTruth, nngp]).toEqual([10_302, 10_302, 40]);
      const count = async (id: string) => numberIn(await page.getByTestId(id).textContent());
      expect(await count('count-architectures')).toBe(architectures);
      expect(await count('count-ground-truth')).toBe(groundTruth);
      expect(await count('count-nngp')).toBe(nngp);

      const rows = page.getByTestId('experiment-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      // Every architecture of the experiment is evaluated and nothing is queued: a full bar.
      const bar = rows.first().locator('progress');
      const value = Number(await bar.getAttribute('value'));
      const max = Number((await bar.getAttribute('max')) ?? 1);
      expect(max).toBeGreaterThan(0);
      expect(value).toBe(max);
    },
    PAGE_TIMEOUT,
  );

  it(
    'plots tau against cost for both NNGP configurations and the 4/12/36-epoch budgets',
    async () => {
      const { page } = await open('/');
      const state = await chartState(page, 'tau-vs-cost');
      // At least one point per predictor: 4, 12 and 36 epochs, and the two NNGP configurations.
      expect(state.marks).toBeGreaterThanOrEqual(5);
      // Each point's tooltip names its predictor: every one of them is there.
      const figure = page.locator('figure[data-chart="tau-vs-cost"]');
      const named = new Set<string>();
      const points = figure.locator('.recharts-scatter-symbol');
      const tooltips = figure.locator('.recharts-tooltip-wrapper');
      for (let i = 0; i < (await points.count()); i++) {
        await points.nth(i).hover({ force: true });
        // The tooltip follows the pointer a moment later.
        await expect
          .poll(async () => (await tooltips.allTextContents()).join('').trim(), POLL)
          .not.toBe('');
        for (const text of await tooltips.allTextContents()) {
          if (text.trim() !== '') named.add(text);
        }
      }
      const names = [...named];
      for (const epochs of [4, 12, 36]) {
        expect(
          names.some((n) => new RegExp(`\\b${epochs}\\b.*epoch`, 'i').test(n)),
          `${epochs} epochs`,
        ).toBe(true);
      }
      expect(new Set(names.filter((n) => /NNGP/.test(n))).size).toBeGreaterThanOrEqual(2);
      const text = await page.locator('figure[data-chart="tau-vs-cost"]').textContent();
      expect(text).toMatch(/PFLOP/i);
      // τ and r carry their bootstrap intervals: an error bar per point on both charts, and the
      // tooltips give the interval's ends.
      expect(text).toMatch(/95 % bootstrap intervals/);
      expect(await figure.locator('.recharts-errorBar').count()).toBeGreaterThanOrEqual(2 * 5);
      for (const name of names) {
        const match = /Kendall τ:?\s*(-?\d\.\d+)\s*\[(-?\d\.\d+), (-?\d\.\d+)\]/.exec(name);
        expect(match, name).not.toBeNull();
        const [tau, low, high] = (match ?? []).slice(1).map(Number) as [number, number, number];
        expect(low, name).toBeLessThanOrEqual(tau);
        expect(tau, name).toBeLessThanOrEqual(high);
      }
    },
    PAGE_TIMEOUT,
  );
});

describe('architecture page', () => {
  it(
    'draws the cell with one vertex per matrix row, each with its operation',
    async () => {
      const { page } = await open(`/architectures/${shown.hash}`);
      expect(await page.locator('h1').textContent()).toContain(shown.hash);
      expect(await page.getByTestId('architecture-facts').locator('dt').count()).toBeGreaterThan(3);
      await chartState(page, 'cell-graph');
      const vertices = page.locator('figure[data-chart="cell-graph"] svg g[data-vertex]');
      expect(await vertices.count()).toBe(shown.matrix.length);
      const drawn = await vertices.evaluateAll((groups) =>
        groups
          .map((g) => [Number(g.getAttribute('data-vertex')), g.getAttribute('data-op')] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, op]) => op),
      );
      expect(drawn).toEqual(shown.operations);
    },
    PAGE_TIMEOUT,
  );

  it(
    'draws one distinct path per matrix edge, also for a chain with skip edges',
    async () => {
      // A 7-vertex chain (0→1→…→6) with skip edges: drawn straight, they would hide behind it.
      const { rows } = await stack.database.pool.query<{ hash: string; matrix: string }>(
        `SELECT hash, matrix FROM architectures
          WHERE cardinality(operations) = 7 AND residual_connections >= 2
            AND substr(matrix, 2, 1) = '1' AND substr(matrix, 10, 1) = '1'
            AND substr(matrix, 18, 1) = '1' AND substr(matrix, 26, 1) = '1'
            AND substr(matrix, 34, 1) = '1' AND substr(matrix, 42, 1) = '1'
          ORDER BY hash LIMIT 1`,
      );
      const chain = rows[0];
      expect(chain, 'a chain-shaped architecture with skip edges in the fixture').toBeDefined();
      for (const { hash, matrix } of [
        shown,
        { hash: chain?.hash ?? '', matrix: matrixFromText(chain?.matrix ?? '') },
      ]) {
        const { page } = await open(`/architectures/${hash}`);
        await chartState(page, 'cell-graph');
        const edges = await page
          .locator('figure[data-chart="cell-graph"] svg path[data-edge]')
          .evaluateAll((paths) =>
            paths.map((p) => ({ edge: p.getAttribute('data-edge'), d: p.getAttribute('d') })),
          );
        const expected = matrix.flatMap((row, from) =>
          row.flatMap((bit, to) => (bit === 1 ? [`${from}-${to}`] : [])),
        );
        expect(edges.map((e) => e.edge).sort(), hash).toEqual(expected.sort());
        expect(new Set(edges.map((e) => e.d)).size, hash).toBe(expected.length);
      }
    },
    PAGE_TIMEOUT,
  );
});

describe('filters live in the URL', () => {
  it(
    '/architectures?sizeClusters=N shows the number of architectures of that cluster',
    async () => {
      for (const cluster of [0, 1]) {
        const { page } = await open(`/architectures?sizeClusters=${cluster}`);
        const expected = await sqlCount(
          "SELECT count(*) AS n FROM architectures WHERE space = 'nasbench101' AND size_cluster = $1",
          [cluster],
        );
        expect(expected).toBeGreaterThan(0);
        expect(numberIn(await page.getByTestId('architectures-total').textContent())).toBe(
          expected,
        );
        // The table is virtualised (rows are drawn once it has measured itself): the rows drawn
        // are some of the cluster's, none from elsewhere.
        const rows = page.getByTestId('architectures-table').locator('[data-hash]');
        await rows.first().waitFor({ state: 'attached' });
        const drawn = await rows.evaluateAll((all) =>
          all.map((row) => row.getAttribute('data-hash')),
        );
        expect(drawn.length).toBeGreaterThan(0);
        const outside = await sqlCount(
          'SELECT count(*) AS n FROM architectures WHERE hash = ANY($1::text[]) AND size_cluster <> $2',
          [drawn, cluster],
        );
        expect(outside).toBe(0);
      }
    },
    PAGE_TIMEOUT,
  );

  it(
    '/metrics with residual=0-1 draws other numbers than without a filter',
    async () => {
      const unfiltered = await open('/metrics');
      const again = await open('/metrics');
      const filtered = await open('/metrics?residual=0-1');
      expect(await filtered.page.getByTestId('filter-summary').textContent()).not.toBe(
        await unfiltered.page.getByTestId('filter-summary').textContent(),
      );
      const unchanged: string[] = [];
      const unstable: string[] = [];
      for (const id of CHARTS_BY_ROUTE['/metrics']) {
        for (const { page } of [unfiltered, again, filtered]) {
          expect((await chartState(page, id)).marks, `marks of ${id}`).toBeGreaterThan(0);
        }
        const before = await chartFingerprint(unfiltered.page, id);
        // The control: the same URL loaded twice draws the same, so a difference is the data's.
        if ((await chartFingerprint(again.page, id)) !== before) unstable.push(id);
        if ((await chartFingerprint(filtered.page, id)) === before) unchanged.push(id);
      }
      expect(unstable).toEqual([]);
      expect(unchanged).toEqual([]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'submitting the filter bar puts the filter in the URL and shows its data',
    async () => {
      const { page } = await open('/architectures');
      const summaryBefore = await page.getByTestId('filter-summary').textContent();
      const form = page.getByTestId('filter-bar');
      await form.locator('input[name="sizeClusters"]').fill('1');
      await form.locator('input[name="residual"]').fill('0-2');
      await form.locator('input[name="residual"]').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('residual') === '0-2');
      const url = new URL(page.url());
      expect(url.pathname).toBe('/architectures');
      expect(url.searchParams.get('sizeClusters')).toBe('1');
      const expected = await sqlCount(
        `SELECT count(*) AS n FROM architectures
        WHERE size_cluster = 1 AND residual_connections BETWEEN 0 AND 2`,
      );
      await expect
        .poll(
          async () => numberIn(await page.getByTestId('architectures-total').textContent()),
          POLL,
        )
        .toBe(expected);
      expect(await page.getByTestId('filter-summary').textContent()).not.toBe(summaryBefore);
    },
    PAGE_TIMEOUT,
  );
});

describe('architectures', () => {
  it(
    'clicking a point of the ground truth vs NNGP scatter opens that architecture',
    async () => {
      const { page } = await open('/architectures');
      const state = await chartState(page, 'truth-vs-nngp');
      // Only the experiment's architectures have an NNGP accuracy: one point each.
      expect(state.marks).toBeGreaterThanOrEqual(stack.data.experimentHashes.length);
      const points = page.locator('figure[data-chart="truth-vs-nngp"] .recharts-scatter-symbol');
      // The tooltip names the point's architecture; a click at the same spot opens it.
      await points.first().hover({ force: true });
      const tooltip = page.locator('figure[data-chart="truth-vs-nngp"] .recharts-tooltip-wrapper');
      await expect.poll(() => tooltip.textContent(), POLL).toMatch(/[0-9a-f]{32}/);
      const hash = /[0-9a-f]{32}/.exec((await tooltip.textContent()) ?? '')?.[0] as string;
      expect(stack.data.experimentHashes).toContain(hash);
      await points.first().click({ force: true });
      await page.waitForURL((url) => url.pathname === `/architectures/${hash}`);
      await expect.poll(() => page.locator('h1').textContent(), POLL).toContain(hash);
    },
    PAGE_TIMEOUT,
  );

  it(
    'a sortable header orders the rows by that column, ties broken by hash',
    async () => {
      const { page } = await open('/architectures?sizeClusters=2');
      // The API's order: the column, then the hash, both in the same direction.
      const order = async (query: string) =>
        (await stack.database.pool.query<{ hash: string }>(query)).rows.map((r) => r.hash);
      const ascending = await order(
        `SELECT hash FROM architectures WHERE size_cluster = 2
          ORDER BY trainable_parameters ASC, hash ASC LIMIT 500`,
      );
      const descending = await order(
        `SELECT hash FROM architectures WHERE size_cluster = 2
          ORDER BY trainable_parameters DESC, hash DESC LIMIT 500`,
      );
      const drawn = () =>
        page
          .getByTestId('architectures-table')
          .locator('[data-hash]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-hash')));
      const before = page.url();
      await page.locator('[data-sort="TRAINABLE_PARAMETERS"]').first().click();
      await page.waitForURL((url) => url.href !== before);
      // Whichever direction a first click picks, the rows drawn are the top of that order.
      await expect
        .poll(async () => {
          const hashes = await drawn();
          if (hashes.length === 0) return 'no rows';
          for (const expected of [ascending, descending]) {
            if (hashes.every((hash, i) => hash === expected[i])) return 'sorted';
          }
          return hashes.slice(0, 3).join(',');
        }, POLL)
        .toBe('sorted');
    },
    PAGE_TIMEOUT,
  );

  it(
    'the table shows NNGP columns of the experiment, and its header sorts by NNGP accuracy',
    async () => {
      const id = stack.data.experimentId;
      const { page } = await open(`/architectures?experiment=${id}`);
      const header = page.locator(`[data-sort^="NNGP:${id}:"]`).first();
      const key = (await header.getAttribute('data-sort')) as string;
      const [nTrain, nVal, ensemble] = (key.split(':')[2] as string).split('/').map(Number);
      // Missing values last in both directions, ties broken by hash in the same direction.
      const order = async (direction: 'ASC' | 'DESC') =>
        (
          await stack.database.pool.query<{ hash: string }>(
            `SELECT a.hash FROM architectures a
               LEFT JOIN nngp_results r ON r.module_hash = a.hash AND r.experiment_id = $1
                AND r.n_train = $2 AND r.n_val = $3 AND r.ensemble = $4 AND r.accuracy IS NOT NULL
              WHERE EXISTS (SELECT 1 FROM nngp_results x
                             WHERE x.module_hash = a.hash AND x.experiment_id = $1)
              ORDER BY r.accuracy ${direction} NULLS LAST, a.hash ${direction}`,
            [Number(id), nTrain, nVal, ensemble],
          )
        ).rows.map((r) => r.hash);
      const [ascending, descending] = [await order('ASC'), await order('DESC')];
      expect(ascending.length).toBeGreaterThan(1);
      const cells = page.locator(`[data-hash] [data-column="${key}"]`);
      await expect.poll(async () => (await cells.allTextContents()).join(' '), POLL).toContain('%');
      const drawn = () =>
        page
          .getByTestId('architectures-table')
          .locator('[data-hash]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-hash')));
      const before = page.url();
      await header.click();
      await page.waitForURL((url) => url.href !== before);
      expect(new URL(page.url()).searchParams.get('sort')).toBe(key);
      await expect
        .poll(async () => {
          const hashes = await drawn();
          if (hashes.length === 0) return 'no rows';
          const direction = new URL(page.url()).searchParams.get('direction');
          const expected = direction === 'ASC' ? ascending : descending;
          return hashes.every((hash, i) => hash === expected[i]) ? 'sorted' : hashes.join(',');
        }, POLL)
        .toBe('sorted');
    },
    PAGE_TIMEOUT,
  );

  it(
    'the CSV link downloads one row per architecture of the filter',
    async () => {
      const { page } = await open('/architectures?sizeClusters=1&residual=1-3');
      const total = numberIn(await page.getByTestId('architectures-total').textContent());
      expect(total).toBe(
        await sqlCount(
          `SELECT count(*) AS n FROM architectures
          WHERE size_cluster = 1 AND residual_connections BETWEEN 1 AND 3`,
        ),
      );
      const link = page.locator('a[data-testid="csv-download"]');
      const href = new URL((await link.getAttribute('href')) as string, page.url());
      expect(href.pathname).toBe('/api/export');
      expect(href.searchParams.get('sizeClusters')).toBe('1');
      expect(href.searchParams.get('residual')).toBe('1-3');
      // What the link fetches, read directly first so a refusal shows its reason.
      const response = await page.request.get(href.href);
      expect(response.status(), await response.text()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^text\/csv/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const rows = parseCsv(await readFile((await download.path()) as string, 'utf8'));
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((row) => row.hash)).size).toBe(total);
      for (const row of rows) {
        expect(row.size_cluster).toBe('1');
        expect(Number(row.residual_connections)).toBeGreaterThanOrEqual(1);
        expect(Number(row.residual_connections)).toBeLessThanOrEqual(3);
      }
    },
    PAGE_TIMEOUT,
  );
});

describe('experiment page', () => {
  const progressQueued = async () => {
    const response = await gql<{ experiment: { progress: { queued: number } } }>(
      stack.api.url,
      'query ($id: ID!) { experiment(id: $id) { progress { queued } } }',
      { id: stack.data.experimentId },
    );
    return response.data?.experiment.progress.queued;
  };

  /** Fills the enqueue form (`token` empty: left blank) and submits it with Enter. */
  const submitEnqueue = async (page: Page, token: string) => {
    const form = page.getByTestId('enqueue-form');
    if (token !== '') await form.locator('input[name="token"]').fill(token);
    await form.locator('input[name="count"]').fill('1');
    await form.locator('input[name="count"]').press('Enter');
  };

  /** The API's own UNAUTHENTICATED message for an enqueue with these credentials. */
  const apiRefusal = async (credentials: { token?: string }) => {
    const refusal = await gql(
      stack.api.url,
      'mutation ($id: ID!) { enqueueEvaluations(experiment: $id, limit: 1) { enqueued } }',
      { id: stack.data.experimentId },
      credentials,
    );
    expect(refusal.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    return refusal.errors?.[0]?.message as string;
  };

  it(
    'enqueueing without a token shows the API refusal and queues nothing',
    async () => {
      const message = await apiRefusal({});
      const { page } = await open(`/experiments/${stack.data.experimentId}`);
      const token = page.getByTestId('enqueue-form').locator('input[name="token"]');
      expect(await token.getAttribute('type')).toBe('password');
      await submitEnqueue(page, '');
      await expect
        .poll(() => page.getByTestId('enqueue-result').textContent(), POLL)
        .toContain(message);
      expect(await progressQueued()).toBe(0);
    },
    PAGE_TIMEOUT,
  );

  it(
    'enqueueing with a wrong token shows the API refusal and queues nothing',
    async () => {
      const wrong = 'not-the-token-0123456789';
      const message = await apiRefusal({ token: wrong });
      const { page } = await open(`/experiments/${stack.data.experimentId}`);
      await submitEnqueue(page, wrong);
      await expect
        .poll(() => page.getByTestId('enqueue-result').textContent(), POLL)
        .toContain(message);
      expect(await progressQueued()).toBe(0);
    },
    PAGE_TIMEOUT,
  );

  // Last in the file: it leaves jobs queued (no worker runs in this stack).
  it(
    'enqueueing with the token queues the filtered architectures the experiment lacks',
    async () => {
      // The smallest cluster: the count covers all of it, some already evaluated.
      const cluster = 4;
      const { page } = await open(
        `/experiments/${stack.data.experimentId}?sizeClusters=${cluster}`,
      );
      const lacking = await sqlCount(
        `SELECT count(*) AS n FROM architectures
          WHERE size_cluster = $1 AND NOT (hash = ANY($2::text[]))`,
        [cluster, stack.data.experimentHashes],
      );
      expect(lacking).toBeGreaterThan(0);
      const form = page.getByTestId('enqueue-form');
      await form.locator('input[name="token"]').fill(stack.apiToken);
      await form.locator('input[name="count"]').fill('50');
      await form.locator('input[name="count"]').press('Enter');
      await expect.poll(progressQueued, POLL).toBe(lacking);
      await expect
        .poll(() => page.getByTestId('enqueue-result').textContent(), POLL)
        .toMatch(new RegExp(`\\b${lacking}\\b`));
    },
    PAGE_TIMEOUT,
  );
});

describe('the MNAS search space', () => {
  it(
    'switches space from the selector, keeping the rest of the URL and dropping per-space filters',
    async () => {
      const { page, status, errors } = await open('/architectures?sizeClusters=0&residual=0-2');
      expect(status).toBe(200);
      const selector = page.getByTestId('space-selector');
      await selector.locator('a[data-space="MNAS"]').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('space'), POLL).toBe('mnas');
      const url = new URL(page.url());
      expect(url.searchParams.get('sizeClusters')).toBeNull();
      expect(url.searchParams.get('residual')).toBe('0-2');
      expect(errors).toEqual([]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'shows paper Fig. 7 of the MNAS experiment with the API’s selections and final accuracies',
    async () => {
      const experiment = stack.data.mnasExperimentId;
      const { page, status, errors } = await open(
        `/metrics?space=mnas&experiment=${experiment}&k=2`,
      );
      expect(status).toBe(200);
      const figure = page.getByTestId('fig7');
      await figure.waitFor();
      const api = await gql<{
        fig7: {
          networks: number;
          selections: { name: string; meanFinal: number | null; missingFinal: number }[];
        };
      }>(
        stack.api.url,
        `query ($e: ID!) { fig7(experiment: $e, k: 2) { networks selections { name meanFinal missingFinal } } }`,
        { e: experiment },
      );
      expect(api.errors).toBeUndefined();
      expect(api.data?.fig7.networks).toBe(stack.data.mnasHashes.length - 1);
      for (const selection of api.data?.fig7.selections ?? []) {
        const row = page.getByTestId(`fig7-selection-${selection.name}`);
        await row.waitFor();
        const missing = await row.locator('[data-value="missingFinal"]').textContent();
        expect(Number(missing?.trim())).toBe(selection.missingFinal);
        if (selection.meanFinal !== null) {
          const mean = await row.locator('[data-value="meanFinal"]').textContent();
          expect(numberIn(mean ?? '')).toBeCloseTo(100 * selection.meanFinal, 1);
        }
      }
      expect(errors).toEqual([]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'every page answers in the MNAS space, and the metrics draw NNGP against the reward',
    async () => {
      for (const route of ['/', '/architectures', '/bias', '/metrics']) {
        const { status, errors } = await open(`${route}?space=mnas`);
        expect([route, status, errors]).toEqual([route, 200, []]);
      }
      const { page } = await open('/metrics?space=mnas');
      for (const id of ['pqetp', 'discovered-vs-cost', 'nngp-vs-model-size']) {
        const state = await chartState(page, id);
        expect({ chart: id, ...state }).toMatchObject({ chart: id, errors: [], empties: [] });
        expect(state.marks, `marks of ${id}`).toBeGreaterThan(0);
      }
      // The figures that select by 12/36-epoch training are not offered for MNAS.
      expect(await page.locator('figure[data-chart="hybrid"]').count()).toBe(0);
    },
    PAGE_TIMEOUT,
  );

  it(
    'lists MNAS networks and shows one with its seven blocks and measurements',
    async () => {
      const [hash] = stack.data.mnasHashes;
      const { page, status, errors } = await open(`/architectures/${hash}`);
      expect(status).toBe(200);
      await page.getByTestId('mnas-blocks').waitFor();
      expect(await page.getByTestId('mnas-blocks').locator('[data-block]').count()).toBe(7);
      expect(await page.getByTestId('mnas-measurements').textContent()).toContain('75');
      expect(errors).toEqual([]);
    },
    PAGE_TIMEOUT,
  );
});
