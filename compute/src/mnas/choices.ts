/**
 * The choices of MnasNet's factorized hierarchical search space (Tan et al. 2019, §4.1), made
 * independently for each of the 7 blocks of a MobileNetV2 baseline.
 */

/**
 * ConvOp: a regular conv (k×k conv-BN-ReLU), a depthwise-separable conv (k×k depthwise-BN-ReLU,
 * then a linear 1×1 projection: MobileNetV2's expansion-1 block), or an inverted-bottleneck
 * MBConv with expansion 3 or 6 (1×1 expansion-BN-ReLU, k×k depthwise-BN-ReLU, linear 1×1
 * projection).
 */
export const CONV_OPS = ['conv', 'sep', 'mb3', 'mb6'] as const;
export type ConvOp = (typeof CONV_OPS)[number];

export const KERNELS = [3, 5] as const;
export type Kernel = (typeof KERNELS)[number];

/** Squeeze-and-excitation ratio; 0 means no SE. */
export const SE_RATIOS = [0, 0.25] as const;
export type SeRatio = (typeof SE_RATIOS)[number];

/** Skip op: none, a pooling shortcut, or an identity residual (see planLayers for what each builds). */
export const SKIP_OPS = ['none', 'pool', 'id'] as const;
export type SkipOp = (typeof SKIP_OPS)[number];

export const FILTER_MULTIPLIERS = [0.75, 1, 1.25] as const;
export type FilterMultiplier = (typeof FILTER_MULTIPLIERS)[number];

/** Change of the baseline layer count (never below 1 layer). */
export const LAYER_DELTAS = [-1, 0, 1] as const;
export type LayerDelta = (typeof LAYER_DELTAS)[number];

/** Upper bound on explicit filters: far above any published mobile network, catches typos. */
export const MAX_FILTERS = 4096;

/** One baseline block: MobileNetV2's (expansion t, filters c, layers n, stride s). */
export interface BaselineBlock {
  expansion: number;
  filters: number;
  layers: number;
  stride: number;
}

/** MobileNetV2 (Sandler et al. 2018, Table 2); each block's stride applies to its first layer. */
export const BASELINE: readonly BaselineBlock[] = [
  { expansion: 1, filters: 16, layers: 1, stride: 1 },
  { expansion: 6, filters: 24, layers: 2, stride: 2 },
  { expansion: 6, filters: 32, layers: 3, stride: 2 },
  { expansion: 6, filters: 64, layers: 4, stride: 2 },
  { expansion: 6, filters: 96, layers: 3, stride: 1 },
  { expansion: 6, filters: 160, layers: 3, stride: 2 },
  { expansion: 6, filters: 320, layers: 1, stride: 1 },
];

/** Stem: 3×3 conv, stride 2, to 32 channels; head: 1×1 conv to 1280 channels (both fixed). */
export const STEM_FILTERS = 32;
export const HEAD_FILTERS = 1280;

/**
 * MnasNet's round_filters (divisor 8): filters × multiplier rounded to the nearest multiple of 8
 * (halves up), at least 8, and 8 more when rounding lost over 10%. So the 0.75 multiplier leaves
 * blocks 1 and 2 at their baseline widths (0.75·16 = 12 rounds to 16; 0.75·24 = 18 rounds to 16,
 * over 10% short, so 24): those blocks have two distinct widths, the others three.
 *
 * @example roundFilters(32, 1.25) // 40
 */
export function roundFilters(filters: number, multiplier: number): number {
  const divisor = 8;
  const scaled = filters * multiplier;
  let rounded = Math.max(divisor, Math.floor((scaled + divisor / 2) / divisor) * divisor);
  if (rounded < 0.9 * scaled) rounded += divisor;
  return rounded;
}
