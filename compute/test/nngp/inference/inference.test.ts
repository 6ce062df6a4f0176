import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  centredTargets,
  inferenceFromJson,
  type NngpInferenceResult,
  nngpInference,
  REGULARIZER_GRID,
  solveByCholesky,
  solveByReduction,
} from '../../../src/nngp/inference/index.ts';
import { relativeError } from '../linalg/matrices.ts';
import { featureKernels, type Kernels, permuteTraining, shuffled } from './kernels.ts';

const METHODS = [
  { method: 'cholesky' },
  { method: 'banded' },
  { method: 'banded', bandwidth: 1 }, // the tridiagonal reduction
  { method: 'banded', bandwidth: 5 },
] as const;

describe('nngpInference on kernels with known answers', () => {
  it('block-diagonal kernel, validation points copying a training point: accuracy 1 at small ε', () => {
    // Training point i has class i mod 3; points of a class see each other (K = 1 + δ), others not.
    const nt = 12;
    const trainLabels = Array.from({ length: nt }, (_, i) => i % 3);
    const kTrainTrain = Float64Array.from({ length: nt * nt }, (_, k) => {
      const [i, j] = [Math.floor(k / nt), k % nt];
      return (i === j ? 1 : 0) + (trainLabels[i] === trainLabels[j] ? 1 : 0);
    });
    const copies = [0, 4, 8, 5, 7];
    const kValTrain = Float64Array.from({ length: copies.length * nt }, (_, k) => {
      return kTrainTrain[(copies[Math.floor(k / nt)] as number) * nt + (k % nt)] as number;
    });
    const valLabels = copies.map((i) => trainLabels[i] as number);
    for (const options of METHODS) {
      const result = nngpInference({
        kTrainTrain,
        kValTrain,
        trainLabels,
        valLabels,
        numClasses: 3,
        ...options,
      });
      expect(result.accuracies.slice(0, 15)).toEqual(Array(15).fill(1));
      expect(result).toMatchObject({ bestAccuracy: 1, bestRegularizer: REGULARIZER_GRID[0] });
    }
  });

  it('K_tt = I and K_vt = 0: every score is 0, so the tie rule predicts class 0', () => {
    const nt = 6;
    const kTrainTrain = Float64Array.from({ length: nt * nt }, (_, k) =>
      k % (nt + 1) === 0 ? 1 : 0,
    );
    const valLabels = [0, 1, 2, 0];
    for (const options of METHODS) {
      const result = nngpInference({
        kTrainTrain,
        kValTrain: new Float64Array(4 * nt),
        trainLabels: [0, 1, 2, 0, 1, 2],
        valLabels,
        numClasses: 3,
        ...options,
      });
      expect(result.accuracies).toEqual(Array(20).fill(0.5));
      expect(result).toMatchObject({ bestAccuracy: 0.5, bestRegularizer: 1e-7 });
    }
  });
});

describe('nngpInference invariances and method agreement', () => {
  const problems: [string, Kernels, number][] = [
    ['n_t 80, n_v 50, 10 classes, d 120', featureKernels(80, 50, 120, 10, 1), 10],
    [
      'n_t 150, n_v 60, 4 classes, d 40 (rank-deficient K_tt)',
      featureKernels(150, 60, 40, 4, 2),
      4,
    ],
    ['n_t 3, n_v 5, 2 classes', featureKernels(3, 5, 8, 2, 3), 2],
  ];

  for (const [name, k, numClasses] of problems) {
    it(`${name}: every method gives the same accuracies`, () => {
      const results = METHODS.map((options) => nngpInference({ ...k, numClasses, ...options }));
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    });

    it(`${name}: permuting the training set changes no accuracy`, () => {
      const order = shuffled(k.trainLabels.length, 9);
      for (const options of METHODS.slice(0, 2)) {
        const original = nngpInference({ ...k, numClasses, ...options });
        expect(nngpInference({ ...permuteTraining(k, order), numClasses, ...options })).toEqual(
          original,
        );
      }
    });
  }

  it('per-ε solutions of the two paths agree to 1e-8 where K + sI is well conditioned', () => {
    const k = featureKernels(120, 10, 60, 10, 4);
    const n = 120;
    let trace = 0;
    for (let i = 0; i < n; i++) trace += k.kTrainTrain[i * n + i] as number;
    const epsilons = REGULARIZER_GRID.filter((e) => e >= 1e-4);
    const shifts = epsilons.map((e) => (e * trace) / n);
    const y = centredTargets(k.trainLabels, 10);
    const reference = solveByCholesky(k.kTrainTrain, n, y, 10, shifts);
    for (const bandwidth of [1, 48]) {
      const fast = solveByReduction(k.kTrainTrain, n, y, 10, shifts, bandwidth);
      expect(fast.failedColumn).toEqual(reference.failedColumn);
      shifts.forEach((_, i) => {
        const slice = (a: Float64Array) => a.subarray(i * 10 * n, (i + 1) * 10 * n);
        expect(relativeError(slice(fast.alphaT), slice(reference.alphaT))).toBeLessThan(1e-8);
      });
    }
  });
});

describe('nngpInference when small shifts leave K_tt indefinite', () => {
  /** Rank-r K = Φ·Φᵀ with its null space pushed to −δ·tr/n (as float32 storage noise does). */
  function rankDeficient(nt: number, r: number, delta: number): Kernels {
    const k = featureKernels(nt, 30, r, 5, 6);
    const n = nt;
    let trace = 0;
    for (let i = 0; i < n; i++) trace += k.kTrainTrain[i * n + i] as number;
    const projector = nullProjector(k.kTrainTrain, n, r);
    const shift = (delta * trace) / n;
    return { ...k, kTrainTrain: k.kTrainTrain.map((x, i) => x - shift * (projector[i] as number)) };
  }

  it('the smallest ε fail, larger ones do not, and both methods agree which', () => {
    const k = rankDeficient(60, 12, 10 ** -4.3);
    for (const options of METHODS) {
      const result = nngpInference({ ...k, numClasses: 5, ...options });
      // 10^(−7 + 9k/19) < 10^−4.3 exactly for k ≤ 5
      expect(result.accuracies.map((a) => a === null)).toEqual(
        REGULARIZER_GRID.map((_, i) => i <= 5),
      );
      expect(result.bestRegularizer).toBeGreaterThan(10 ** -4.3);
    }
  });

  it('when every ε fails, the best is null', () => {
    const k = rankDeficient(40, 8, 1e3);
    for (const options of METHODS) {
      expect(nngpInference({ ...k, numClasses: 5, ...options })).toEqual({
        regularizers: [...REGULARIZER_GRID],
        accuracies: Array(20).fill(null),
        bestAccuracy: null,
        bestRegularizer: null,
      });
    }
  });
});

describe('agreement with a numpy/scipy reference', () => {
  const fixture: {
    cases: { name: string; input: unknown; expected: Omit<NngpInferenceResult, 'regularizers'> }[];
  } = JSON.parse(readFileSync(new URL('./fixtures/inference-scipy.json', import.meta.url), 'utf8'));

  for (const c of fixture.cases) {
    it(c.name, () => {
      for (const options of METHODS) {
        const result = inferenceFromJson(c.input, options);
        expect(result.accuracies).toEqual(c.expected.accuracies);
        expect(result.bestAccuracy).toBe(c.expected.bestAccuracy);
        // numpy's logspace and V8's pow may differ in the last bit.
        expect(result.bestRegularizer).toBeCloseTo(c.expected.bestRegularizer as number, 14);
      }
    });
  }
});

/**
 * I − P where P projects onto the column space of the rank-r PSD matrix K (n×n): Gram–Schmidt
 * on K's columns, twice for orthogonality, keeping the r strongest directions.
 */
function nullProjector(k: Float64Array, n: number, r: number): Float64Array {
  const basis: Float64Array[] = [];
  for (let j = 0; j < n && basis.length < r; j++) {
    const v = Float64Array.from({ length: n }, (_, i) => k[i * n + j] as number);
    for (let pass = 0; pass < 2; pass++)
      for (const b of basis) {
        let s = 0;
        for (let i = 0; i < n; i++) s += (b[i] as number) * (v[i] as number);
        for (let i = 0; i < n; i++) v[i] = (v[i] as number) - s * (b[i] as number);
      }
    const length = Math.hypot(...v);
    if (length > 1e-8) basis.push(v.map((x) => x / length));
  }
  return Float64Array.from({ length: n * n }, (_, idx) => {
    const [i, j] = [Math.floor(idx / n), idx % n];
    let p = 0;
    for (const b of basis) p += (b[i] as number) * (b[j] as number);
    return (i === j ? 1 : 0) - p;
  });
}
