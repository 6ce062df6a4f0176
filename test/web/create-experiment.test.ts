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
  await set('limit', '3');
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
      expect(selected).toBeGreaterThan(3);
      await expect
        .poll(async () => numberIn(await page.getByTestId('selection-count').textContent()), POLL)
        .toBe(selected);
      // The estimate counts 3 architectures × 40 images.
      await fillForm(page, 'from-the-dashboard', '');
      await expect
        .poll(() => page.getByTestId('cost-estimate').textContent(), POLL)
        .toContain('120 image forward passes');

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

      // With it: created, 3 queued, and the page of the new experiment opens.
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
        .toContain('of 3 done');

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
      expect(await page.getByTestId('live-facts').textContent()).toContain('3 of 3 done');
      expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      );
      expect(
        await sqlCount(
          'SELECT count(DISTINCT module_hash) AS n FROM nngp_results WHERE experiment_id = $1',
          [id],
        ),
      ).toBe(3);

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
