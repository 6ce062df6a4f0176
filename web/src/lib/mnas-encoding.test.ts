import { describe, expect, it } from 'vitest';
import { compactMnasEncoding, parseMnasEncoding } from './mnas-encoding.ts';

/** An MnasNet-like network: one block of each kind the grammar allows. */
const NETWORK =
  'sep-k3-se0-none-f16-n1|mb6-k3-se0-id-f24-n2|mb3-k5-se0.25-id-f40-n3|mb6-k3-se0-id-f80-n4|mb6-k3-se0.25-id-f112-n2|mb6-k5-se0.25-id-f160-n3|mb6-k3-se0-none-f320-n1';

describe('parseMnasEncoding', () => {
  it('reads the seven blocks', () => {
    const blocks = parseMnasEncoding(NETWORK);
    expect(blocks).toHaveLength(7);
    expect(blocks?.[2]).toEqual({
      op: 'mb3',
      kernel: 5,
      seRatio: 0.25,
      skip: 'id',
      filters: 40,
      layers: 3,
    });
  });

  it('is null for text that does not read', () => {
    expect(parseMnasEncoding('mb6-k3|sep')).toBeNull();
    expect(parseMnasEncoding('')).toBeNull();
  });
});

describe('compactMnasEncoding', () => {
  it('shortens each block', () => {
    expect(compactMnasEncoding(NETWORK).split(' | ')).toEqual([
      'sepk3 16×1',
      'mb6k3+id 24×2',
      'mb3k5+se+id 40×3',
      'mb6k3+id 80×4',
      'mb6k3+se+id 112×2',
      'mb6k5+se+id 160×3',
      'mb6k3 320×1',
    ]);
  });

  it('returns unreadable text unchanged', () => {
    expect(compactMnasEncoding('odd')).toBe('odd');
  });
});
