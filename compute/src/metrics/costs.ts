import type { Subset } from './subsets.ts';
import type { Series } from './validate.ts';

/*
 * The paper's cost model (DESIGN.md §4, eq. 4/5 reconstructed), in FLOPs per architecture from
 * its inference FLOPs per 32×32 image, F_inf (the `architectures.flops` column, 2 × MACs). Sums
 * over a set are reported in PFLOPs so every figure can plot quality against compute.
 */

/** FLOPs in a PFLOP. */
export const PETA = 1e15;

/** NAS-Bench-101 training: 40,000 training images per epoch, 10,000 validation images. */
export const TRAINING_IMAGES = 40_000;
export const VALIDATION_IMAGES = 10_000;

/** An NNGP configuration as the cost model reads it. */
export interface NngpCostConfig {
  /** n_t, training images of the kernel. */
  nTrain: number;
  /** n_v, validation images. */
  nVal: number;
  /** M, random initialisations averaged. */
  ensemble: number;
  /** d, feature width after global pooling (512 at full NAS-Bench-101 width). */
  width?: number;
  /** C, classes (10 for CIFAR-10). */
  classes?: number;
  /** Regularizer values solved for (20 in the grid). */
  regularizers?: number;
}

/**
 * NNGP cost of one architecture: M(n_t + n_v)·F_inf for the forward passes, M·d·n_t(n_t + n_v)·2
 * for the kernel products, 20·(n_t³/3 + 2n_t²C + 2n_v·n_t·C) for a Cholesky solve and
 * prediction per regularizer.
 *
 * @example nngpFlops({ nTrain: 100, nVal: 200, ensemble: 2 }, 1.2e9) // ≈ 7.2e11
 */
export function nngpFlops(config: NngpCostConfig, inferenceFlops: number): number {
  const { nTrain: t, nVal: v, ensemble: m } = config;
  const d = config.width ?? 512;
  const c = config.classes ?? 10;
  const solves = config.regularizers ?? 20;
  return (
    m * (t + v) * inferenceFlops +
    m * d * t * (t + v) * 2 +
    solves * ((t * t * t) / 3 + 2 * t * t * c + 2 * v * t * c)
  );
}

/**
 * Empirical-NTK cost of one architecture with P trainable parameters: M(n_t + n_v)·3F_inf for a
 * forward and a backward pass per image (the per-sample gradients cost about one more forward),
 * M·P·n_t(n_t + n_v)·2 for the products of the gradients (val and train rows against train
 * rows; the NNGP's are d-dimensional, the NTK's P-dimensional), and the same solves as the NNGP.
 * At 100/200 the passes dominate (the P term is a seventh of them for 2.7M parameters); the P
 * term grows as n_t(n_t + n_v) and matches them near 500/200.
 *
 * @example ntkFlops({ nTrain: 100, nVal: 200, ensemble: 2 }, 1.2e9, 2.7e6) // ≈ 2.5e12
 */
export function ntkFlops(
  config: NngpCostConfig,
  inferenceFlops: number,
  parameters: number,
): number {
  const { nTrain: t, nVal: v, ensemble: m } = config;
  const c = config.classes ?? 10;
  const solves = config.regularizers ?? 20;
  return (
    m * (t + v) * 3 * inferenceFlops +
    m * parameters * t * (t + v) * 2 +
    solves * ((t * t * t) / 3 + 2 * t * t * c + 2 * v * t * c)
  );
}

/**
 * Shortened-training cost of one architecture for E epochs: E·40,000·3F_inf (forward and
 * backward over the training images) + 10,000·F_inf (one validation pass).
 *
 * @example trainingFlops(12, 1.2e9) // 1.74e15
 */
export function trainingFlops(epochs: number, inferenceFlops: number): number {
  return epochs * TRAINING_IMAGES * 3 * inferenceFlops + VALIDATION_IMAGES * inferenceFlops;
}

/**
 * Σ over the architectures (of `subset`, or all) of `perArchitecture(F_inf)`, in PFLOPs.
 *
 * @example setCostPflops(flops, (f) => trainingFlops(4, f)) // 4-epoch training of every one
 */
export function setCostPflops(
  inferenceFlops: Series,
  perArchitecture: (inferenceFlops: number) => number,
  subset?: Subset,
): number {
  let total = 0;
  const n = subset ? subset.length : inferenceFlops.length;
  for (let i = 0; i < n; i++) {
    const at = subset ? (subset[i] as number) : i;
    total += perArchitecture(inferenceFlops[at] as number);
  }
  return total / PETA;
}
