/** Kernels for the inference tests. */
import { gaussian, randomMatrix, timesTransposed } from '../linalg/matrices.ts';

export interface Kernels {
  kTrainTrain: Float64Array;
  kValTrain: Float64Array;
  trainLabels: number[];
  valLabels: number[];
}

/**
 * K = Φ·Φᵀ/d from features with a class signal (class means of size `signal`), split into
 * n_t training and n_v validation points. Full rank when d ≥ n_t.
 */
export function featureKernels(
  nt: number,
  nv: number,
  d: number,
  classes: number,
  seed: number,
  signal = 0.6,
): Kernels {
  const g = gaussian(seed);
  const labels = Array.from({ length: nt + nv }, () => Math.floor(Math.abs(g() * 1e6)) % classes);
  const means = randomMatrix(classes, d, seed + 1);
  const phi = randomMatrix(nt + nv, d, seed + 2).map(
    (x, k) => x + signal * (means[(labels[Math.floor(k / d)] as number) * d + (k % d)] as number),
  );
  const k = timesTransposed(phi, phi, nt + nv, nt + nv, d).map((x) => x / d);
  const n = nt + nv;
  return {
    kTrainTrain: Float64Array.from(
      { length: nt * nt },
      (_, i) => k[Math.floor(i / nt) * n + (i % nt)] as number,
    ),
    kValTrain: Float64Array.from(
      { length: nv * nt },
      (_, i) => k[(nt + Math.floor(i / nt)) * n + (i % nt)] as number,
    ),
    trainLabels: labels.slice(0, nt),
    valLabels: labels.slice(nt),
  };
}

/**
 * The same problem with the training set reordered: new training point i is old point order[i]
 * (rows and columns of K_tt, columns of K_vt and the labels, consistently).
 */
export function permuteTraining(k: Kernels, order: number[]): Kernels {
  const nt = order.length;
  const nv = k.valLabels.length;
  return {
    kTrainTrain: Float64Array.from(
      { length: nt * nt },
      (_, i) =>
        k.kTrainTrain[
          (order[Math.floor(i / nt)] as number) * nt + (order[i % nt] as number)
        ] as number,
    ),
    kValTrain: Float64Array.from(
      { length: nv * nt },
      (_, i) => k.kValTrain[Math.floor(i / nt) * nt + (order[i % nt] as number)] as number,
    ),
    trainLabels: order.map((i) => k.trainLabels[i] as number),
    valLabels: k.valLabels,
  };
}

/** A random permutation of 0..n−1 (Fisher–Yates). */
export function shuffled(n: number, seed: number): number[] {
  const g = gaussian(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.abs(g() * 1e6)) % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
