import { startEvaluationWorker } from '@nngp-nas/server/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberIn } from './support/charts.ts';
import { type DashboardStack, startDashboardStack } from './support/dashboard-stack.ts';

// The researcher's loop in the dashboard: a new experiment over the URL filter's architectures
// with ground truth, created and queued from /experiments/new, evaluated by a worker running
// beside the API, its page following the progress without a reload.
const STACK_TIMEOUT = 900_000;
const PAGE_TIMEOUT = 240_000;
const POLL = { timeout: 60_000, interval: 250 };
/** Architectures the experiment takes: enough for τ and its bootstrap interval to mean something. */
const LIMIT = 8;

let stack: DashboardStack;
let context: BrowserContext;
let worker: Awaited<ReturnType<typeof startEvaluationWorker>> | undefined;

beforeAll(async () => {
  stack = await startDashboardStack({ log: (line) => process.stderr.write(`${line}\n`) });
  context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(60_000);
}, STACK_TIMEOUT);

afterAll(async () => {
  await worker?.stop();
  await context?.close();
  await stack?.close();
}, 60_000);

async function sqlCount(query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await stack.database.pool.query<{ n: string }>(query, params);
  return Number(rows[0]?.n);
}

async function fillForm(page: Page, name: string, token: string): Promise<void> {
  const form = page.getByTestId('create-experiment-form');
  const set = async (field: string, value: string) => form.locator(`[name="${field}"]`).fill(value);
  await set('name', name);
  await set('nTrain', '20');
  await set('nVal', '20');
  await set('ensemble', '1');
  await set('stemChannels', '8');
  await set('stacks', '1');
  await set('modulesPerStack', '1');
  await set('limit', String(LIMIT));
  await set('token', token);
}

describe('creating an experiment from the dashboard', () => {
  it(
    'is refused without the token, then created, queued over the filter, followed live to completion and cancelled',
    async () => {
      const cluster = 4;
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(stack.url(`/experiments/new?sizeClusters=${cluster}`));
      const selected = await sqlCount(
        `SELECT count(*) AS n FROM architectures a WHERE a.size_cluster = $1 AND EXISTS
           (SELECT 1 FROM training_records t WHERE t.module_hash = a.hash AND t.epochs = 108)`,
        [cluster],
      );
      expect(selected).toBeGreaterThan(LIMIT);
      await expect
        .poll(async () => numberIn(await page.getByTestId('selection-count').textContent()), POLL)
        .toBe(selected);
      // The estimate counts LIMIT architectures × 40 images.
      await fillForm(page, 'from-the-dashboard', '');
      await expect
        .poll(() => page.getByTestId('cost-estimate').textContent(), POLL)
        .toContain(`${LIMIT * 40} image forward passes`);

      // Without the token: the API's refusal, and no experiment.
      await page.getByRole('button', { name: 'Create and queue' }).click();
      await expect
        .poll(() => page.getByTestId('create-experiment-result').textContent(), POLL)
        .toContain('Authorization');
      expect(
        await sqlCount(
          `SELECT count(*) AS n FROM nngp_experiments WHERE name = 'from-the-dashboard'`,
        ),
      ).toBe(0);

      // With it: created, LIMIT queued, and the page of the new experiment opens.
      await page
        .getByTestId('create-experiment-form')
        .locator('[name="token"]')
        .fill(stack.apiToken);
      await page.getByRole('button', { name: 'Create and queue' }).click();
      await page.waitForURL(/\/experiments\/\d+$/, { timeout: 60_000 });
      const id = new URL(page.url()).pathname.split('/').at(-1) as string;
      const { rows } = await stack.database.pool.query<{ name: string }>(
        'SELECT name FROM nngp_experiments WHERE id = $1',
        [id],
      );
      expect(rows[0]?.name).toBe('from-the-dashboard');
      await expect
        .poll(async () => (await page.getByTestId('live-facts').textContent()) ?? '', POLL)
        .toContain(`of ${LIMIT} done`);

      // A worker evaluates the queue; the page follows without a reload (a reload would lose
      // this mark on the window; the page's own soft refreshes keep it).
      await page.evaluate(() => {
        (globalThis as { notReloaded?: boolean }).notReloaded = true;
      });
      worker = await startEvaluationWorker(stack.database, { log: () => {} });
      await expect
        .poll(() => page.getByTestId('live-status').textContent(), {
          timeout: 180_000,
          interval: 500,
        })
        .toBe('completed');
      // The facts come from the same poll a moment apart: wait for them to settle too.
      await expect
        .poll(async () => (await page.getByTestId('live-facts').textContent()) ?? '', POLL)
        .toContain(`${LIMIT} of ${LIMIT} done`);
      expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      );
      expect(
        await sqlCount(
          'SELECT count(DISTINCT module_hash) AS n FROM nngp_results WHERE experiment_id = $1',
          [id],
        ),
      ).toBe(LIMIT);

      // Then the researcher reads the result: the new configuration's τ with its bootstrap
      // interval on the overview, and the table sorted by its NNGP accuracy.
      const overview = await context.newPage();
      await overview.goto(stack.url(`/?experiment=${id}`));
      const tau = overview.locator('figure[data-chart="tau-vs-cost"]');
      await expect
        .poll(async () => (await tau.textContent()) ?? '', POLL)
        .toMatch(/95 % bootstrap intervals/);
      // The chart draws on the client once it has measured itself: wait for its error bars.
      await expect.poll(() => tau.locator('.recharts-errorBar').count(), POLL).toBeGreaterThan(0);
      const table = await context.newPage();
      await table.goto(stack.url(`/architectures?experiment=${id}`));
      const header = table.locator(`[data-sort="NNGP:${id}:20/20/1"]`).first();
      await header.click();
      await table.waitForURL((url) => url.searchParams.get('sort') === `NNGP:${id}:20/20/1`);
      const direction =
        new URL(table.url()).searchParams.get('direction') === 'ASC' ? 'ASC' : 'DESC';
      const { rows: ranked } = await stack.database.pool.query<{ hash: string }>(
        `SELECT module_hash AS hash FROM nngp_results
          WHERE experiment_id = $1 AND n_train = 20 AND n_val = 20 AND ensemble = 1
          ORDER BY accuracy ${direction} NULLS LAST, module_hash ${direction}`,
        [id],
      );
      await expect
        .poll(async () => {
          const drawn = await table
            .getByTestId('architectures-table')
            .locator('[data-hash]')
            .evaluateAll((r) => r.map((row) => row.getAttribute('data-hash')));
          return drawn.slice(0, ranked.length).join(',');
        }, POLL)
        .toBe(ranked.map((r) => r.hash).join(','));

      // Cancel: refused without the token; with it the page shows the experiment cancelled.
      const cancel = page.getByTestId('cancel-form');
      await cancel.getByRole('button', { name: 'Cancel experiment' }).click();
      await expect
        .poll(() => page.getByTestId('cancel-result').textContent(), POLL)
        .toContain('Authorization');
      await cancel.locator('[name="token"]').fill(stack.apiToken);
      await cancel.getByRole('button', { name: 'Cancel experiment' }).click();
      await expect
        .poll(() => page.getByTestId('live-status').textContent(), POLL)
        .toBe('cancelled');
      expect(errors).toEqual([]);
    },
    PAGE_TIMEOUT,
  );
});
