import type { MnasBlock } from './block.ts';
import { BASELINE, type ConvOp, type Kernel, type SeRatio, STEM_FILTERS } from './choices.ts';

/**
 * What joins a layer's input to its output:
 * - 'identity': the input added to the output (only where the layer has stride 1 and keeps its
 *   channel count, as MnasNet's and MobileNetV2's residuals);
 * - 'pool': the input average-pooled with a stride×stride window and stride (ResNet-D's
 *   down-sampling shortcut; no pooling at stride 1), then projected by a 1×1 conv-BN when the
 *   channel counts differ, and added to the output — the shortcut that works where an identity
 *   cannot;
 * - 'none'.
 */
export type Shortcut = 'none' | 'identity' | 'pool';

/** One layer of an MNAS network: block `block` (0-based), layer `index` within it. */
export interface MnasLayer {
  block: number;
  index: number;
  convOp: ConvOp;
  kernel: Kernel;
  se: SeRatio;
  inFilters: number;
  outFilters: number;
  /** The block's stride on its first layer, 1 on the others. */
  stride: number;
  shortcut: Shortcut;
}

/**
 * The layers `blocks` build, in order. A block's skip op applies to each of its layers: 'id'
 * gives an identity shortcut to the layers that can take one and none to the others; 'pool'
 * gives the same identity shortcuts, and a pooling shortcut to a layer that cannot take one
 * (only ever a block's first layer: the later layers have stride 1 and keep the width).
 *
 * @example planLayers(MOBILENET_V2.blocks).length // 17
 */
export function planLayers(blocks: readonly MnasBlock[]): MnasLayer[] {
  const layers: MnasLayer[] = [];
  let inFilters = STEM_FILTERS;
  blocks.forEach((block, b) => {
    for (let index = 0; index < block.layers; index++) {
      const stride = index === 0 ? (BASELINE[b]?.stride ?? 1) : 1;
      const identity = stride === 1 && inFilters === block.filters;
      const shortcut: Shortcut =
        block.skip === 'none'
          ? 'none'
          : identity
            ? 'identity'
            : block.skip === 'pool'
              ? 'pool'
              : 'none';
      const { convOp, kernel, se } = block;
      layers.push({
        block: b,
        index,
        convOp,
        kernel,
        se,
        inFilters,
        outFilters: block.filters,
        stride,
        shortcut,
      });
      inFilters = block.filters;
    }
  });
  return layers;
}
