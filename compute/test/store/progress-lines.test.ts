import { describe, expect, it } from 'vitest';
import { progressLine, progressLines } from '../../src/nasbench/store/progress-lines.ts';

/** progressLines on a clock the test moves, collecting what it writes. */
function linesAt() {
  let now = 0;
  const lines: string[] = [];
  const progress = progressLines('search space', 423_624, 'modules', (l) => lines.push(l), {
    now: () => now,
  });
  return {
    lines,
    at(ms: number, done: number) {
      now = ms;
      progress.update(done);
    },
    stop: () => progress.stop(),
  };
}

describe('progressLines', () => {
  it('writes a line once 5 s have passed, however little moved', () => {
    const p = linesAt();
    p.at(1_000, 5_000);
    p.at(4_900, 10_000);
    expect(p.lines).toEqual([]);
    p.at(5_000, 12_000);
    expect(p.lines).toEqual(['search space: 12,000 / 423,624 modules (2 %)']);
    p.at(9_000, 13_000);
    p.at(10_000, 14_000);
    expect(p.lines).toHaveLength(2);
  });

  it('writes sooner once another tenth is done, but not twice within a second', () => {
    const p = linesAt();
    p.at(500, 50_000); // 11 %, but within the first second
    expect(p.lines).toEqual([]);
    p.at(1_000, 50_000);
    expect(p.lines).toEqual(['search space: 50,000 / 423,624 modules (11 %)']);
    p.at(1_500, 120_000); // another 16 %, half a second later
    p.at(2_000, 120_000);
    expect(p.lines).toEqual([
      'search space: 50,000 / 423,624 modules (11 %)',
      'search space: 120,000 / 423,624 modules (28 %)',
    ]);
  });

  it('writes nothing after stop()', () => {
    const p = linesAt();
    p.stop();
    p.at(60_000, 423_624);
    expect(p.lines).toEqual([]);
  });
});

describe('progressLine', () => {
  it('shows counts with thousands separators and bytes in MB', () => {
    expect(progressLine('search space', 120_000, 423_624, 'modules')).toBe(
      'search space: 120,000 / 423,624 modules (28 %)',
    );
    expect(progressLine('records nb101.tfrecord', 5_200_000, 17_000_000, 'bytes')).toBe(
      'records nb101.tfrecord: 5.2 / 17.0 MB (30 %)',
    );
  });
});
