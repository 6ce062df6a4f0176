/**
 * `pnpm screenshots`: brings up the same stack as the browser tests (fixture data, one small
 * NNGP experiment, the API, web/'s production build, Debian's chromium) and writes full-page
 * PNGs of the main pages, 1440 px wide, into docs/screenshots/ once their charts have drawn.
 *
 * @example pnpm screenshots   # docs/screenshots/overview.png, metrics.png, …
 */

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../scripts/web/paths.ts';
import { CHARTS_BY_ROUTE, chartFingerprint, chartState } from './support/charts.ts';
import { startDashboardStack } from './support/dashboard-stack.ts';
import { showcaseArchitecture } from './support/showcase-architecture.ts';

const OUT_DIR = path.join(repoRoot, 'docs/screenshots');
const log = (line: string) => process.stderr.write(`${line}\n`);

const started = performance.now();
const stack = await startDashboardStack({ log });
log(`stack up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
try {
  const { hash } = await showcaseArchitecture(stack.database, stack.data.experimentHashes);
  const shots: { file: string; route: string; charts: readonly string[] }[] = [
    { file: 'overview.png', route: '/', charts: CHARTS_BY_ROUTE['/'] },
    { file: 'metrics.png', route: '/metrics', charts: CHARTS_BY_ROUTE['/metrics'] },
    { file: 'bias.png', route: '/bias', charts: CHARTS_BY_ROUTE['/bias'] },
    {
      file: 'architectures.png',
      route: '/architectures',
      charts: CHARTS_BY_ROUTE['/architectures'],
    },
    {
      file: 'architecture.png',
      route: `/architectures/${hash}`,
      charts: CHARTS_BY_ROUTE['/architectures/[hash]'],
    },
    {
      file: 'experiment.png',
      route: `/experiments/${stack.data.experimentId}`,
      charts: CHARTS_BY_ROUTE['/experiments/[id]'],
    },
  ];
  await mkdir(OUT_DIR, { recursive: true });
  const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 } });
  for (const shot of shots) {
    const page = await context.newPage();
    await page.goto(stack.url(shot.route), { waitUntil: 'load', timeout: 120_000 });
    for (const id of shot.charts) {
      const state = await chartState(page, id);
      if (state.marks === 0) {
        log(
          `${shot.route}: chart ${id} drew nothing (${[...state.errors, ...state.empties].join('; ') || 'no marks'})`,
        );
      }
      // Wait out the animation so the picture shows the final marks.
      await chartFingerprint(page, id);
    }
    const file = path.join(OUT_DIR, shot.file);
    await page.screenshot({ path: file, fullPage: true });
    log(`${path.relative(repoRoot, file)} ← ${shot.route}`);
    await page.close();
  }
  await context.close();
} finally {
  await stack.close();
}
