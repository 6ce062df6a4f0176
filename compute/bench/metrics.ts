/**
 * Kendall's τ-b over the size of the whole search space (423,624 pairs of random values), ours
 * against scipy.stats.kendalltau on the same data in the same run: once without ties (continuous
 * values) and once with many (values rounded to 3 decimals). The pairs are correlated (y = x plus
 * noise) as a predictor and the ground truth are. Python reads the exact doubles from a temp file
 * and times only the kendalltau call; both sides report the best of a few runs, and the two τ
 * must agree to 1e-9.
 *
 *   npx tsx compute/bench/metrics.ts            table on stderr
 *   npx tsx compute/bench/metrics.ts --json     and the figures as JSON on stdout
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/datasets/random.ts';
import { kendallTau } from '../src/metrics/index.ts';
import type { Figure } from './figure.ts';

export type { Figure };

/** The number of architectures in NAS-Bench-101's space. */
const PAIRS = 423_624;
const REPEATS = 5;
const AGREEMENT = 1e-9;

const PYTHON = `
import json, sys, time
import numpy as np, scipy, scipy.stats as st
data = np.fromfile(sys.argv[1], dtype='<f8')
n = int(sys.argv[2]); repeats = int(sys.argv[3])
x, y = data[:n], data[n:]
best = float('inf')
for _ in range(repeats):
    started = time.perf_counter()
    tau = st.kendalltau(x, y).statistic
    best = min(best, time.perf_counter() - started)
print(json.dumps({'tau': float(tau), 'seconds': best, 'versions': f'numpy {np.__version__}, scipy {scipy.__version__}'}))
`;

interface ScipyResult {
  tau: number;
  seconds: number;
  versions: string;
}

function pairs(seed: number, decimals: number | null): { x: Float64Array; y: Float64Array } {
  const random = createRandom(seed);
  const round = (v: number) => (decimals === null ? v : Number(v.toFixed(decimals)));
  const x = new Float64Array(PAIRS);
  const y = new Float64Array(PAIRS);
  for (let i = 0; i < PAIRS; i++) {
    const v = random();
    x[i] = round(v);
    y[i] = round(0.5 * v + 0.5 * random());
  }
  return { x, y };
}

function timeScipy(x: Float64Array, y: Float64Array, dir: string): ScipyResult | string {
  const file = path.join(dir, 'pairs.f64');
  const both = new Float64Array(2 * PAIRS);
  both.set(x);
  both.set(y, PAIRS);
  writeFileSync(file, Buffer.from(both.buffer));
  // The machine docs warn these may be set to slow numpy; the baseline gets OpenBLAS's defaults.
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const run = spawnSync('python3', ['-c', PYTHON, file, String(PAIRS), String(REPEATS)], {
    env,
    encoding: 'utf8',
  });
  if (run.error) return `python3 not runnable: ${run.error.message}`;
  if (run.status !== 0) return `python3 failed: ${run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as ScipyResult;
}

/**
 * Runs both cases and returns their figures: our time, scipy's, the speed ratio and the
 * agreement of the two τ values; a table goes to stderr.
 *
 * @example for (const f of await benchMetrics()) console.log(f.name, f.value, f.unit);
 */
export async function benchMetrics(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'nngp-bench-metrics-'));
  const load = () => loadavg()[0]?.toFixed(1) ?? '?';
  try {
    for (const [label, decimals] of [
      ['no ties', null],
      ['ties (3 decimals)', 3],
    ] as const) {
      const { x, y } = pairs(decimals === null ? 1 : 2, decimals);
      const loadBefore = load();
      let ours = Number.POSITIVE_INFINITY;
      let tau: number | null = null;
      for (let r = 0; r < REPEATS; r++) {
        const started = performance.now();
        tau = kendallTau(x, y);
        ours = Math.min(ours, (performance.now() - started) / 1000);
      }
      figures.push({
        name: `kendall τ-b ${PAIRS} pairs, ${label}: ours`,
        value: ours * 1000,
        unit: 'ms',
        note: `best of ${REPEATS}, τ ${tau}`,
      });
      const scipy = timeScipy(x, y, dir);
      if (typeof scipy === 'string') {
        process.stderr.write(`scipy (${label}): ${scipy}\n`);
        continue;
      }
      const difference = Math.abs((tau as number) - scipy.tau);
      figures.push(
        {
          name: `kendall τ-b ${PAIRS} pairs, ${label}: scipy`,
          value: scipy.seconds * 1000,
          unit: 'ms',
          note: `${scipy.versions}, kendalltau call only, best of ${REPEATS}`,
        },
        {
          name: `kendall τ-b ${PAIRS} pairs, ${label}: speed vs scipy`,
          value: scipy.seconds / ours,
          unit: '×',
          note: `> 1 means faster than scipy; load average ${loadBefore}→${load()}`,
        },
        {
          name: `kendall τ-b ${PAIRS} pairs, ${label}: |ours − scipy|`,
          value: difference,
          unit: '',
          note: difference <= AGREEMENT ? `agree to ${AGREEMENT}` : `DISAGREE beyond ${AGREEMENT}`,
        },
      );
      if (difference > AGREEMENT)
        process.stderr.write(`kendall τ-b (${label}): ours ${tau}, scipy ${scipy.tau}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}\n`,
  );
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchMetrics();
  for (const f of figures)
    process.stderr.write(
      `${f.name.padEnd(56)} ${f.value.toPrecision(4).padStart(10)} ${f.unit}${f.note ? `  (${f.note})` : ''}\n`,
    );
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
}
