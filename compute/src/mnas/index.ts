/**
 * The MNAS search space (MnasNet, Tan et al. 2019, §4.1): a factorized hierarchical space over
 * MobileNetV2's 7 blocks, with for each block a ConvOp (regular conv, depthwise-separable conv,
 * MBConv with expansion 3 or 6), a kernel (3 or 5), a squeeze-and-excitation ratio (0 or 0.25), a
 * skip op (none, pooling, identity), a width (0.75, 1 or 1.25 of the baseline, rounded to a
 * multiple of 8 by MnasNet's round_filters) and a depth (baseline ± 1 layers, at least 1).
 *
 * Encoding (`MnasSpec.encode`, `MnasSpec.parse`): the 7 blocks joined by `|`, each
 * `{op}-k{kernel}-se{ratio}-{skip}-f{filters}-n{layers}`, op ∈ conv|sep|mb3|mb6, skip ∈
 * none|pool|id, filters and layers absolute — e.g. MnasNet-A1's third block
 * `mb3-k5-se0.25-id-f40-n3`. The encoding is canonical (equivalent skip choices folded, see
 * canonicalBlocks), and the hash is md5 of it.
 *
 * @example
 * import { MNASNET_A1, mnasCost, mnasNetwork, sampleMnas } from '@nngp-nas/compute/mnas';
 * const specs = sampleMnas(10_000, 0);              // distinct, reproducible
 * const graph = mnasNetwork(specs[0], { imageSize: 32 }); // features: the pooled 1280-vector
 * mnasCost(MNASNET_A1);                              // { parameters, macs, flops } at 224×224
 */
export type { MnasBlock, MnasBlockInput } from './block.ts';
export { canonicalBlocks } from './canonical.ts';
export {
  BASELINE,
  type BaselineBlock,
  CONV_OPS,
  type ConvOp,
  FILTER_MULTIPLIERS,
  type FilterMultiplier,
  HEAD_FILTERS,
  KERNELS,
  type Kernel,
  LAYER_DELTAS,
  type LayerDelta,
  roundFilters,
  SE_RATIOS,
  type SeRatio,
  SKIP_OPS,
  type SkipOp,
  STEM_FILTERS,
} from './choices.ts';
export { type MnasCost, mnasCost } from './cost.ts';
export { MnasSpecError } from './errors.ts';
export { type MnasLayer, planLayers, type Shortcut } from './layers.ts';
export { type MnasNetworkOptions, mnasNetwork } from './network.ts';
export { MNASNET_A1, MOBILENET_V2 } from './presets.ts';
export { sampleMnas } from './sample.ts';
export { MnasSpec } from './spec.ts';
