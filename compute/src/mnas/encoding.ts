import type { MnasBlock, MnasBlockInput } from './block.ts';
import { BASELINE } from './choices.ts';
import { MnasSpecError } from './errors.ts';

/**
 * Text of blocks: `block|block|…` (one per baseline block, 7), each block
 * `{op}-k{kernel}-se{ratio}-{skip}-f{filters}-n{layers}` with op one of conv, sep, mb3, mb6, skip
 * one of none, pool, id, and filters and layers absolute, e.g. `mb6-k3-se0.25-id-f24-n2`. Numbers
 * are written as JavaScript prints them (se0, se0.25).
 *
 * @example encodeBlocks(MNASNET_A1.blocks).split('|')[2] // 'mb3-k5-se0.25-id-f40-n3'
 */
export function encodeBlocks(blocks: readonly MnasBlock[]): string {
  return blocks
    .map((b) => `${b.convOp}-k${b.kernel}-se${b.se}-${b.skip}-f${b.filters}-n${b.layers}`)
    .join('|');
}

const BLOCK = /^([a-z0-9]+)-k(\d+)-se(\d+(?:\.\d+)?)-([a-z]+)-f(\d+)-n(\d+)$/;

/**
 * The block inputs written in `text` (the grammar of encodeBlocks); their values are checked
 * when a spec is made from them.
 *
 * @example parseBlocks('sep-k3-se0-none-f16-n1|…')[0] // { convOp: 'sep', kernel: 3, se: 0, … }
 */
export function parseBlocks(text: string): MnasBlockInput[] {
  if (typeof text !== 'string')
    throw new MnasSpecError(`an encoding must be a string, got ${typeof text}`);
  const parts = text.trim().split('|');
  if (parts.length !== BASELINE.length) {
    throw new MnasSpecError(
      `an encoding has ${BASELINE.length} blocks separated by '|', got ${parts.length}`,
    );
  }
  return parts.map((part, i) => {
    const m = BLOCK.exec(part.trim());
    if (m === null) {
      throw new MnasSpecError(
        `block ${i + 1}: cannot parse '${part}' (expected op-kK-seR-skip-fF-nN, e.g. mb6-k3-se0.25-id-f24-n2)`,
      );
    }
    const [, convOp, kernel, se, skip, filters, layers] = m as unknown as string[];
    return {
      convOp: convOp as string,
      kernel: Number(kernel),
      se: Number(se),
      skip: skip as string,
      filters: Number(filters),
      layers: Number(layers),
    };
  });
}
