import type { MnasBlock } from './block.ts';
import type { SkipOp } from './choices.ts';
import { planLayers } from './layers.ts';

/**
 * The canonical form of `blocks`: the same network, with each block's skip op replaced by the
 * one its layers' shortcuts imply (see planLayers), so that specs building the same network
 * encode and hash the same:
 * - 'id' where no layer can take an identity (a single layer that strides or changes width)
 *   becomes 'none';
 * - 'pool' where every layer can take an identity (the first layer has stride 1 and keeps the
 *   width) becomes 'id'.
 * Every other field is already canonical once resolved: widths and depths are absolute numbers,
 * so a multiplier and the explicit width it rounds to are one spec. Canonicalising twice changes
 * nothing.
 *
 * @example canonicalBlocks(MOBILENET_V2.original)[0].skip // 'none': 32 → 16 channels, one layer
 */
export function canonicalBlocks(blocks: readonly MnasBlock[]): MnasBlock[] {
  const layers = planLayers(blocks);
  return blocks.map((block, b) => {
    const shortcuts = layers.filter((l) => l.block === b).map((l) => l.shortcut);
    const skip: SkipOp = shortcuts.includes('pool')
      ? 'pool'
      : shortcuts.includes('identity')
        ? 'id'
        : 'none';
    return skip === block.skip ? block : { ...block, skip };
  });
}
