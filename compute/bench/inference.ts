/**
 * NNGP inference over the 20-value regularizer grid: our two methods against a scipy float64
 * LAPACK loop (cho_factor / cho_solve per grid value) on the same problem sizes, n_t = 1,000
 * and 4,000, n_v = 1,000, C = 10, K = Φ·Φᵀ/d + 10⁻³·I with Φ standard normal plus a weak
 * class signal, d = 512. Python builds its own kernel by the same recipe (its own random numbers) and
 * times only its grid loop (factor, solve, K_vt·α, argmax), as ours times only nngpInference.
 *
 *   npx tsx compute/bench/inference.ts            table on stderr
 *   npx tsx compute/bench/inference.ts --json     and the figures as JSON on stdout
 *   npx tsx compute/bench/inference.ts --quick    n_t = 1,000 only
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/datasets/random.ts';
import { type InferenceMethod, nngpInference } from '../src/nngp/inference/index.ts';
import { DEFAULT_BANDWIDTH, multiplyTransposed } from '../src/nngp/linalg/index.ts';
import type { Figure } from './figure.ts';

export type { Figure };

const NUM_VAL = 1000;
const FEATURES = 512;
const CLASSES = 10;
const RIDGE = 1e-3;
/** Class-mean scale: small enough that accuracies stay well below 1 and vary over the grid. */
const SIGNAL = 0.04;
/** Best of this many runs per size: this machine's timings wander (shared host). */
const REPEATS: Record<number, number> = { 1000: 3, 4000: 1 };

interface Problem {
  kTrainTrain: Float64Array;
  kValTrain: Float64Array;
  trainLabels: number[];
  valLabels: number[];
}

/** Seeded standard normals (the project's one PRNG + Box–Muller): benchmarks must be reproducible. */
function normals(seed: number): () => number {
  const uniform = createRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

function problem(nt: number, seed: number): Problem {
  const n = nt + NUM_VAL;
  const g = normals(seed);
  const labels = Array.from({ length: n }, () => Math.floor(Math.abs(g()) * 1e6) % CLASSES);
  const means = Float64Array.from({ length: CLASSES * FEATURES }, g);
  const phi = Float64Array.from({ length: n * FEATURES }, (_, k) => {
    const label = labels[Math.floor(k / FEATURES)] as number;
    return g() + SIGNAL * (means[label * FEATURES + (k % FEATURES)] as number);
  });
  const train = { data: phi, offset: 0, stride: FEATURES };
  const val = { data: phi, offset: nt * FEATURES, stride: FEATURES };
  const kTrainTrain = new Float64Array(nt * nt);
  const kValTrain = new Float64Array(NUM_VAL * nt);
  multiplyTransposed(
    1 / FEATURES,
    train,
    train,
    { data: kTrainTrain, offset: 0, stride: nt },
    nt,
    nt,
    FEATURES,
  );
  multiplyTransposed(
    1 / FEATURES,
    val,
    train,
    { data: kValTrain, offset: 0, stride: nt },
    NUM_VAL,
    nt,
    FEATURES,
  );
  for (let i = 0; i < nt; i++)
    kTrainTrain[i * nt + i] = (kTrainTrain[i * nt + i] as number) + RIDGE;
  return { kTrainTrain, kValTrain, trainLabels: labels.slice(0, nt), valLabels: labels.slice(nt) };
}

function timeOurs(p: Problem, method: InferenceMethod, repeats: number) {
  let best = Number.POSITIVE_INFINITY;
  let result: ReturnType<typeof nngpInference> | undefined;
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    result = nngpInference({ ...p, numClasses: CLASSES, method });
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return { seconds: best, bestAccuracy: result?.bestAccuracy ?? null };
}

const PYTHON = `
import json, sys, time
import numpy as np, scipy, scipy.linalg as sl

def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return '; '.join(f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} x{i.get('num_threads')} ({i.get('filename')})" for i in threadpool_info() if i.get('user_api') == 'blas')
    except ImportError:
        pass
    # No threadpoolctl: ask the OpenBLAS builds loaded into this process directly.: ask the OpenBLAS builds loaded into this process directly.
    import ctypes
    found = []
    for path in sorted({l.split()[-1] for l in open('/proc/self/maps') if 'openblas' in l.lower()}):
        lib = ctypes.CDLL(path)
        for prefix in ('scipy_openblas_', 'scipy_openblas64_', 'openblas_'):
            for suffix in ('', '64_'):
                core = getattr(lib, prefix + 'get_corename' + suffix, None)
                threads = getattr(lib, prefix + 'get_num_threads' + suffix, None)
                if core is not None and threads is not None:
                    core.restype = ctypes.c_char_p
                    found.append(f"{path.rsplit('/', 1)[-1]}: core {core().decode()}, {threads()} threads")
    return '; '.join(dict.fromkeys(found)) + ' (threadpoolctl not installed)'

out = {'versions': f'numpy {np.__version__}, scipy {scipy.__version__}', 'runs': []}
grid = np.logspace(-7, 2, 20)
for nt, nv, d, classes, ridge, signal, repeats in json.loads(sys.argv[1]):
    rng = np.random.default_rng(nt)
    labels = rng.integers(0, classes, size=nt + nv)
    means = rng.standard_normal((classes, d))
    phi = rng.standard_normal((nt + nv, d)) + signal * means[labels]
    k_tt = phi[:nt] @ phi[:nt].T / d + ridge * np.eye(nt)
    k_vt = phi[nt:] @ phi[:nt].T / d
    y = np.eye(classes)[labels[:nt]] - 1.0 / classes
    scale = np.trace(k_tt) / nt
    work = np.empty_like(k_tt)
    best = float('inf')
    for _ in range(repeats):
        started = time.perf_counter()
        accuracies = []
        for eps in grid:
            np.copyto(work, k_tt)
            work.flat[:: nt + 1] += eps * scale
            factor = sl.cho_factor(work, lower=True, overwrite_a=True, check_finite=False)
            alpha = sl.cho_solve(factor, y, check_finite=False)
            accuracies.append(float(np.mean(np.argmax(k_vt @ alpha, axis=1) == labels[nt:])))
        best = min(best, time.perf_counter() - started)
    out['runs'].append({'nt': nt, 'seconds': best, 'bestAccuracy': max(accuracies)})
out['blas'] = blas_info()
print(json.dumps(out))
`;

interface PythonResult {
  versions: string;
  blas: string;
  runs: { nt: number; seconds: number; bestAccuracy: number }[];
}

/**
 * The scipy loop for one size, in a python3 subprocess. `threads` 1 pins OpenBLAS to one core
 * (our code runs on one); otherwise OpenBLAS uses its default (both cores here).
 */
function timeScipy(nt: number, threads?: number): PythonResult | string {
  // The machine docs warn these may be set here to slow numpy; the baseline gets OpenBLAS's own
  // choice of kernel and block sizes.
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  if (threads !== undefined) env.OPENBLAS_NUM_THREADS = String(threads);
  const args = JSON.stringify([[nt, NUM_VAL, FEATURES, CLASSES, RIDGE, SIGNAL, REPEATS[nt] ?? 1]]);
  const run = spawnSync('python3', ['-c', PYTHON, args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.error) return `python3 not runnable: ${run.error.message}`;
  if (run.status !== 0) return `python3 failed: ${run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as PythonResult;
}

/**
 * Runs the comparison and returns its figures (seconds for the whole 20-value grid per method and
 * size, and our default method's speed relative to scipy); progress and a table go to stderr.
 *
 * @example const figures = await benchInference({ sizes: [1000] });
 */
export async function benchInference(options: { sizes?: number[] } = {}): Promise<Figure[]> {
  const sizes = options.sizes ?? [1000, 4000];
  const figures: Figure[] = [];
  const rows: string[][] = [];
  let blas = '';
  const load = () => loadavg()[0]?.toFixed(1) ?? '?';
  for (const nt of sizes) {
    const p = problem(nt, nt);
    const repeats = REPEATS[nt] ?? 1;
    const loadBefore = load();
    const times = {} as Record<InferenceMethod, number>;
    for (const method of ['banded', 'cholesky'] as const) {
      const { seconds, bestAccuracy } = timeOurs(p, method, repeats);
      times[method] = seconds;
      figures.push({
        name: `inference grid n_t=${nt}: ${method}`,
        value: seconds,
        unit: 's',
        note: `one thread, 20 ε, n_v ${NUM_VAL}, C ${CLASSES}, best of ${repeats}${method === 'banded' ? `, bandwidth ${DEFAULT_BANDWIDTH}` : ''}, best accuracy ${bestAccuracy}`,
      });
      process.stderr.write(`n_t ${nt} ${method}: ${seconds.toFixed(2)} s\n`);
    }
    // Right after ours, so both see the same machine load.
    const scipy: Record<string, number | undefined> = {};
    for (const [label, threads] of [
      ['default threads', undefined],
      ['1 thread', 1],
    ] as const) {
      const result = timeScipy(nt, threads);
      if (typeof result === 'string') {
        process.stderr.write(`scipy (${label}): ${result}\n`);
        continue;
      }
      blas ||= `${result.versions}; BLAS: ${result.blas}`;
      const seconds = (result.runs[0] as PythonResult['runs'][number]).seconds;
      scipy[label] = seconds;
      figures.push({
        name: `inference grid n_t=${nt}: scipy cho_factor loop, ${label}`,
        value: seconds,
        unit: 's',
        note: `${result.versions}, best of ${repeats}`,
      });
      process.stderr.write(`n_t ${nt} scipy (${label}): ${seconds.toFixed(2)} s\n`);
    }
    const reference = scipy['default threads'];
    if (reference !== undefined)
      figures.push({
        name: `inference grid n_t=${nt}: banded speed vs scipy`,
        value: reference / times.banded,
        unit: '×',
        note: `> 1 means faster than scipy (default threads); load average ${loadBefore}→${load()}`,
      });
    const cell = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));
    rows.push([
      String(nt),
      cell(times.banded),
      cell(times.cholesky),
      cell(reference),
      cell(scipy['1 thread']),
      reference === undefined ? '—' : (reference / times.banded).toFixed(2),
      (times.cholesky / times.banded).toFixed(1),
      `${loadBefore}→${load()}`,
    ]);
  }
  const header = [
    'n_t',
    'banded s',
    'cholesky s',
    'scipy s',
    'scipy 1T s',
    'scipy/banded',
    'cholesky/banded',
    'load',
  ];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
  process.stderr.write(`\n${line(header)}\n${rows.map(line).join('\n')}\n`);
  process.stderr.write(`scipy: ${blas || 'not run'}\n`);
  process.stderr.write(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}\n`,
  );
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchInference(process.argv.includes('--quick') ? { sizes: [1000] } : {});
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
}
