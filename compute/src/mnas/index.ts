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
 *
 * The researcher's loop (also `nngp mnas sample | evaluate | fig7`): loadMnasData draws and
 * processes an ImageNet-format folder, evaluateMnas runs the NNGP on each network,
 * appendMnasResults keeps the results resumable, and fig7Report joins them with measured MNAS
 * results (parseMeasurements, mnasReward) for paper Fig. 7.
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
export { Fig7InputError, MnasSpecError } from './errors.ts';
export {
  evaluateMnas,
  loadMnasData,
  type MnasData,
  type MnasDataOptions,
  type MnasEvaluationSettings,
} from './evaluate.ts';
export {
  FIG7_SELECTIONS,
  type Fig7Analysis,
  type Fig7Correlation,
  type Fig7Input,
  type Fig7Selection,
  type Fig7SelectionName,
  fig7Analysis,
} from './fig7.ts';
export {
  type Fig7JoinOptions,
  type Fig7Network,
  type Fig7OfNetworks,
  type Fig7Report,
  fig7OfNetworks,
  fig7Report,
} from './fig7-join.ts';
export { type MnasLayer, planLayers, type Shortcut } from './layers.ts';
export {
  MeasurementsError,
  type MnasMeasurement,
  measuredNetwork,
  parseMeasurements,
} from './measurements.ts';
export { type MnasNetworkOptions, mnasNetwork } from './network.ts';
export {
  appendMnasResults,
  MNAS_RESULT_COLUMNS,
  type MnasResult,
  MnasResultsError,
  mnasCsvSink,
  mnasResultRows,
  readMnasResults,
} from './nngp-results.ts';
export { MNASNET_A1, MOBILENET_V2 } from './presets.ts';
export {
  type MnasResultSink,
  type MnasRunCounts,
  type MnasRunOptions,
  resumeMnasEvaluation,
} from './resume-evaluation.ts';
export {
  MNAS_LATENCY_EXPONENT,
  MNAS_TARGET_LATENCY_MS,
  mnasReward,
  type RewardOptions,
} from './reward.ts';
export {
  type MnasExperimentOptions,
  type MnasExperimentRun,
  runMnasEvaluation,
} from './run-evaluation.ts';
export { sampleMnas } from './sample.ts';
export { MnasSpec } from './spec.ts';
