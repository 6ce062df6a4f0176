import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MNASNET_A1,
  type MnasBlockInput,
  MnasSpec,
  MnasSpecError,
  MOBILENET_V2,
  roundFilters,
} from '../../src/mnas/index.ts';

const A1_TEXT =
  'sep-k3-se0-none-f16-n1|mb6-k3-se0-id-f24-n2|mb3-k5-se0.25-id-f40-n3|mb6-k3-se0-id-f80-n4|' +
  'mb6-k3-se0.25-id-f112-n2|mb6-k5-se0.25-id-f160-n3|mb6-k3-se0-none-f320-n1';

/** MobileNetV2's blocks as inputs, to be changed one field at a time. */
function baseline(): MnasBlockInput[] {
  return MOBILENET_V2.original.map((b) => ({ ...b }));
}

function withBlock(index: number, change: Partial<MnasBlockInput>): MnasBlockInput[] {
  const blocks = baseline();
  blocks[index] = { ...blocks[index], ...change } as MnasBlockInput;
  return blocks;
}

function specError(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(MnasSpecError);
    return (error as Error).message;
  }
  throw new Error('expected an MnasSpecError');
}

describe('MnasSpec', () => {
  it('encodes MnasNet-A1 in the documented grammar and parses it back', () => {
    expect(MNASNET_A1.encode()).toBe(A1_TEXT);
    const parsed = MnasSpec.parse(A1_TEXT);
    expect(parsed.encode()).toBe(A1_TEXT);
    expect(parsed.blocks).toEqual(MNASNET_A1.blocks);
  });

  it('hashes as md5 of the canonical encoding (32 hex digits)', () => {
    expect(MNASNET_A1.hash()).toBe(hash('md5', A1_TEXT));
    expect(MNASNET_A1.hash()).toMatch(/^[0-9a-f]{32}$/);
    expect(MOBILENET_V2.hash()).not.toBe(MNASNET_A1.hash());
  });

  it("rounds widths as MnasNet's round_filters (multiples of 8, never 10% short)", () => {
    // Values of the reference round_filters(filters * multiplier) with divisor 8.
    const expected: [number, number, number][] = [
      [16, 0.75, 16],
      [16, 1.25, 24],
      [24, 0.75, 24],
      [24, 1.25, 32],
      [32, 0.75, 24],
      [32, 1.25, 40],
      [96, 0.75, 72],
      [96, 1.25, 120],
      [160, 0.75, 120],
      [320, 1.25, 400],
      [4, 1, 8],
    ];
    for (const [filters, multiplier, rounded] of expected)
      expect(roundFilters(filters, multiplier)).toBe(rounded);
    const spec = new MnasSpec(withBlock(2, { filters: undefined, filterMultiplier: 1.25 }));
    expect(spec.blocks[2]?.filters).toBe(40);
  });

  it('resolves layer changes against the baseline, never below one layer', () => {
    const blocks = baseline().map((b) => ({ ...b, layers: undefined, layerDelta: -1 }));
    expect(new MnasSpec(blocks).blocks.map((b) => b.layers)).toEqual([1, 1, 2, 3, 2, 2, 1]);
    const more = baseline().map((b) => ({ ...b, layers: undefined, layerDelta: 1 }));
    expect(new MnasSpec(more).blocks.map((b) => b.layers)).toEqual([2, 3, 4, 5, 4, 4, 2]);
  });

  it('canonicalises equivalent skip ops and spellings to one encoding and hash', () => {
    // An identity that no layer can take (one layer, 32 → 16 channels) is no skip.
    expect(MOBILENET_V2.original[0]?.skip).toBe('id');
    expect(MOBILENET_V2.blocks[0]?.skip).toBe('none');
    // A pooling skip where every layer can take an identity (stride 1, width kept) is an identity.
    const pool = new MnasSpec(withBlock(4, { skip: 'pool', filters: 64 }));
    const id = new MnasSpec(withBlock(4, { skip: 'id', filters: 64 }));
    expect(pool.blocks[4]?.skip).toBe('id');
    expect(pool.hash()).toBe(id.hash());
    // Where the first layer changes width, pooling is a shortcut of its own.
    const projected = new MnasSpec(withBlock(4, { skip: 'pool' }));
    expect(projected.blocks[4]?.skip).toBe('pool');
    expect(projected.hash()).not.toBe(MOBILENET_V2.hash());
    // A multiplier and the width it rounds to, a delta and the depth it gives: one spec.
    const spelled = new MnasSpec(
      withBlock(3, {
        filters: undefined,
        filterMultiplier: 1.25,
        layers: undefined,
        layerDelta: 0,
      }),
    );
    expect(spelled.hash()).toBe(new MnasSpec(withBlock(3, { filters: 80, layers: 4 })).hash());
    expect(MOBILENET_V2.canonical().original).toEqual(MOBILENET_V2.blocks);
  });

  it.each([
    [() => new MnasSpec(withBlock(2, { kernel: 7 })), 'block 3: kernel must be 3 or 5, got 7'],
    [
      () => new MnasSpec(withBlock(0, { convOp: 'mb4' })),
      "block 1: convOp must be one of conv, sep, mb3, mb6, got 'mb4'",
    ],
    [() => new MnasSpec(withBlock(1, { se: 0.5 })), 'block 2: se must be 0 or 0.25, got 0.5'],
    [
      () => new MnasSpec(withBlock(3, { skip: 'residual' })),
      "block 4: skip must be one of none, pool, id, got 'residual'",
    ],
    [
      () => new MnasSpec(withBlock(4, { filters: undefined, filterMultiplier: 2 })),
      'block 5: filterMultiplier must be one of 0.75, 1, 1.25, got 2',
    ],
    [
      () => new MnasSpec(withBlock(5, { filters: 0 })),
      'block 6: filters must be an integer from 1 to 4096, got 0',
    ],
    [
      () => new MnasSpec(withBlock(5, { filters: 12.5 })),
      'block 6: filters must be an integer from 1 to 4096, got 12.5',
    ],
    [
      () => new MnasSpec(withBlock(1, { filterMultiplier: 1 })),
      'block 2: give filters or filterMultiplier, not both',
    ],
    [
      () => new MnasSpec(withBlock(0, { layers: 5 })),
      'block 1: layers must be an integer from 1 to 2 (baseline 1 ± 1, at least 1), got 5',
    ],
    [
      () => new MnasSpec(withBlock(2, { layers: 1 })),
      'block 3: layers must be an integer from 2 to 4 (baseline 3 ± 1, at least 1), got 1',
    ],
    [
      () => new MnasSpec(withBlock(6, { layers: undefined, layerDelta: 2 })),
      'block 7: layerDelta must be one of -1, 0, 1, got 2',
    ],
    [() => new MnasSpec(baseline().slice(1)), 'a spec has 7 blocks, got 6'],
    [
      () => MnasSpec.parse(A1_TEXT.replace('mb3-k5', 'mb3-k7')),
      'block 3: kernel must be 3 or 5, got 7',
    ],
    [
      () => MnasSpec.parse(A1_TEXT.replace('|mb6-k3-se0-id-f80-n4', '')),
      "an encoding has 7 blocks separated by '|', got 6",
    ],
    [
      () => MnasSpec.parse(A1_TEXT.replace('mb6-k3-se0-id-f24-n2', 'mb6-k3-id-f24')),
      "block 2: cannot parse 'mb6-k3-id-f24' (expected op-kK-seR-skip-fF-nN, e.g. mb6-k3-se0.25-id-f24-n2)",
    ],
  ])('refuses a bad spec with a precise message (%#)', (make, message) => {
    expect(specError(make)).toBe(message);
  });
});
