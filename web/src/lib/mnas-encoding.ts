/**
 * MNAS encodings as the API sends them (`Architecture.encoding`, `Fig7Network.encoding`): seven
 * blocks `{op}-k{kernel}-se{ratio}-{skip}-f{filters}-n{layers}` joined by `|`, e.g.
 * `mb6-k3-se0.25-id-f24-n2` (compute/src/mnas/encoding.ts writes them).
 */

/** One block of an MNAS network. */
export interface MnasBlock {
  /** conv, sep, mb3 or mb6. */
  op: string;
  kernel: number;
  /** Squeeze-and-excitation ratio; 0 means none. */
  seRatio: number;
  /** none, pool or id. */
  skip: string;
  filters: number;
  layers: number;
}

const BLOCK = /^([a-z0-9]+)-k(\d+)-se(\d+(?:\.\d+)?)-([a-z]+)-f(\d+)-n(\d+)$/;

/**
 * The blocks of an encoding; null when any block does not read (the page then shows the text).
 *
 * @example parseMnasEncoding('mb6-k3-se0.25-id-f24-n2|…')?.[0] // { op: 'mb6', kernel: 3, seRatio: 0.25, skip: 'id', filters: 24, layers: 2 }
 */
export function parseMnasEncoding(encoding: string): MnasBlock[] | null {
  const blocks: MnasBlock[] = [];
  for (const part of encoding.trim().split('|')) {
    const match = BLOCK.exec(part.trim());
    if (match === null) return null;
    const [, op = '', kernel, seRatio, skip = '', filters, layers] = match;
    blocks.push({
      op,
      kernel: Number(kernel),
      seRatio: Number(seRatio),
      skip,
      filters: Number(filters),
      layers: Number(layers),
    });
  }
  return blocks;
}

/**
 * An encoding short enough for a table cell: per block the op and kernel, `+se` with
 * squeeze-and-excitation, the skip when there is one, then filters × layers, e.g.
 * `mb6k3+se+id 24×2`; blocks separated by ` | `. Text that does not read is returned as is.
 *
 * @example compactMnasEncoding('sep-k3-se0-none-f16-n1|mb6-k3-se0.25-id-f24-n2') // 'sepk3 16×1 | mb6k3+se+id 24×2'
 */
export function compactMnasEncoding(encoding: string): string {
  const blocks = parseMnasEncoding(encoding);
  if (blocks === null) return encoding;
  return blocks
    .map((b) => {
      const se = b.seRatio > 0 ? '+se' : '';
      const skip = b.skip === 'none' ? '' : `+${b.skip}`;
      return `${b.op}k${b.kernel}${se}${skip} ${b.filters}×${b.layers}`;
    })
    .join(' | ');
}
