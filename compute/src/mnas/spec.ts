import { hash as oneShotHash } from 'node:crypto';
import { type MnasBlock, type MnasBlockInput, resolveBlock } from './block.ts';
import { canonicalBlocks } from './canonical.ts';
import { BASELINE } from './choices.ts';
import { encodeBlocks, parseBlocks } from './encoding.ts';
import { MnasSpecError } from './errors.ts';
import { type MnasLayer, planLayers } from './layers.ts';

/**
 * An architecture of the MNAS search space: one choice of (ConvOp, kernel, SE ratio, skip op,
 * width, depth) for each of MobileNetV2's 7 blocks; strides, stem and head are the baseline's.
 * It validates itself on construction (MnasSpecError naming the block and field) and
 * canonicalises: `blocks` is the canonical form (see canonicalBlocks), `original` the blocks as
 * given, with widths and depths resolved.
 *
 * @example
 * const spec = MnasSpec.parse('sep-k3-se0-none-f16-n1|mb6-k3-se0-id-f24-n2|…');
 * spec.encode(); spec.hash(); mnasCost(spec).parameters;
 */
export class MnasSpec {
  readonly blocks: readonly MnasBlock[];
  readonly original: readonly MnasBlock[];
  #encoding: string | undefined;

  constructor(blocks: readonly MnasBlockInput[]) {
    if (!Array.isArray(blocks) || blocks.length !== BASELINE.length) {
      throw new MnasSpecError(
        `a spec has ${BASELINE.length} blocks, got ${Array.isArray(blocks) ? blocks.length : typeof blocks}`,
      );
    }
    this.original = Object.freeze(blocks.map((b, i) => Object.freeze(resolveBlock(b, i))));
    this.blocks = Object.freeze(canonicalBlocks(this.original).map((b) => Object.freeze(b)));
  }

  /** The spec written in `text` (see encodeBlocks for the grammar); encode() gives it back. */
  static parse(text: string): MnasSpec {
    return new MnasSpec(parseBlocks(text));
  }

  /** The canonical text: equal for two specs exactly when they build the same network. */
  encode(): string {
    this.#encoding ??= encodeBlocks(this.blocks);
    return this.#encoding;
  }

  /** md5 (32 hex digits) of the canonical text, as NAS-Bench-101 names its cells by md5. */
  hash(): string {
    return oneShotHash('md5', this.encode());
  }

  /** A spec given as the canonical blocks (its `original` equals its `blocks`). */
  canonical(): MnasSpec {
    return new MnasSpec(this.blocks);
  }

  /** The layers the network builds, with their widths, strides and shortcuts. */
  layers(): MnasLayer[] {
    return planLayers(this.blocks);
  }
}
