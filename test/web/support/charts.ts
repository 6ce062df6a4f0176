import type { Page } from 'playwright-core';

/** Chart ids of each route (the dashboard contract). */
export const CHARTS_BY_ROUTE = {
  '/': ['tau-vs-cost'],
  '/metrics': [
    'pqetp',
    'discovered-vs-cost',
    'search-space-reduction',
    'hybrid',
    'nngp-vs-model-size',
    'proxies',
  ],
  '/bias': ['residual-bias', 'size-distribution', 'within-cluster'],
  '/architectures': ['truth-vs-nngp'],
  '/architectures/[hash]': ['cell-graph', 'training-curve', 'nngp-regularizers'],
  '/experiments/[id]': ['progress'],
} as const;

/**
 * What recharts draws for data (points, line and area paths with a shape, bars); axes, grids
 * and legends are not marks. The cell graph is the dashboard's own SVG: one group per vertex.
 */
export const MARK_SELECTOR = [
  '.recharts-scatter-symbol',
  '.recharts-line-curve[d]:not([d=""])',
  '.recharts-area-area[d]:not([d=""])',
  '.recharts-bar-rectangle',
  'g[data-vertex]',
].join(', ');

/** What a chart shows once its data has arrived. */
export interface ChartState {
  marks: number;
  /** Texts of its `[data-error]` elements (a failed fetch). */
  errors: string[];
  /** Texts of its `[data-empty]` elements (no data). */
  empties: string[];
}

/**
 * Waits until the chart `figure[data-chart=id]` has left its skeleton and shows marks, an empty
 * state or an error (recharts draws after hydration and a first measurement), then reports.
 *
 * @example expect(await chartState(page, 'pqetp')).toMatchObject({ errors: [], empties: [] });
 */
export async function chartState(page: Page, id: string, timeoutMs = 60_000): Promise<ChartState> {
  const root = page.locator(`figure[data-chart="${id}"]`);
  const count = (selector: string) => root.locator(selector).count();
  const deadline = Date.now() + timeoutMs;
  // On timeout, report what is there rather than fail with a bare timeout.
  while (Date.now() < deadline) {
    const drawn = await count(`${MARK_SELECTOR}, [data-error], [data-empty]`);
    if (drawn > 0 && (await count('[data-skeleton]')) === 0) break;
    await page.waitForTimeout(250);
  }
  return {
    marks: await count(MARK_SELECTOR),
    errors: await root.locator('[data-error]').allTextContents(),
    empties: await root.locator('[data-empty]').allTextContents(),
  };
}

/** Attributes that place or shape a mark (ids and classes are left out: React makes ids up). */
const GEOMETRY = ['d', 'x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'points', 'transform'];

/**
 * A fingerprint of what a chart draws: the geometry of its marks (and of their parts) and its
 * texts (tick labels, values), read once two readings half a second apart agree (recharts
 * animates marks in). Two filters that select different architectures give different
 * fingerprints; the same page loaded twice gives the same one.
 *
 * @example expect(await chartFingerprint(page, 'proxies')).not.toBe(before);
 */
export async function chartFingerprint(page: Page, id: string): Promise<string> {
  const figure = page.locator(`figure[data-chart="${id}"]`);
  const read = async () =>
    JSON.stringify([
      await figure
        .locator(MARK_SELECTOR)
        .evaluateAll(
          (marks, attributes) =>
            marks.map((mark) =>
              [mark, ...mark.querySelectorAll('*')]
                .map(
                  (e) =>
                    `${e.tagName}(${attributes.map((a) => e.getAttribute(a) ?? '').join(',')})`,
                )
                .join(''),
            ),
          GEOMETRY,
        ),
      await figure.textContent(),
    ]);
  let previous = await read();
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.waitForTimeout(500);
    const current = await read();
    if (current === previous) return current;
    previous = current;
  }
  throw new Error(`chart ${id} kept changing for 20 s`);
}

/**
 * The number in an element's text, thousands separators allowed.
 *
 * @example numberIn('10,302 architectures') // 10302
 */
export function numberIn(text: string | null): number {
  const match = /-?\d[\d,]*(\.\d+)?/.exec(text ?? '');
  if (!match) throw new Error(`no number in ${JSON.stringify(text)}`);
  return Number(match[0].replaceAll(',', ''));
}
