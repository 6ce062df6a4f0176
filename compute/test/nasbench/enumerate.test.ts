import { describe, expect, it } from 'vitest';
import { clustersFromGaps, enumerateModules, ModelSpec } from '../../src/nasbench/index.ts';
import { architectureRow } from '../../src/nasbench/store/index.ts';
import { fixtureModules } from '../support/fixtures.ts';

describe('enumerateModules', () => {
  it('gives the cumulative unique counts 1, 7, 91, 2,532, 64,542 for at most 2..6 vertices', () => {
    const counts = [2, 3, 4, 5, 6].map((v) => [...enumerateModules({ maxVertices: v })].length);
    expect(counts).toEqual([1, 7, 91, 2532, 64542]);
  });

  it('yields the whole space: 423,624 distinct hashes, stored matrices as in the dataset', async () => {
    const fixture = await fixtureModules();
    const hashes = new Set<string>();
    const parameters = new Set<number>();
    let matched = 0;
    let macs = 0;
    let index = 0;
    for (const m of enumerateModules()) {
      expect(m.index).toBe(index++);
      hashes.add(m.hash);
      const row = architectureRow(m.hash, m.matrix, m.ops);
      parameters.add(row.trainableParameters);
      macs += row.flops / 2;
      const stored = fixture.get(m.hash);
      if (stored) {
        expect(row.matrix).toBe(stored.matrixText);
        expect(m.ops).toEqual(stored.operations);
        expect(row.trainableParameters).toBe(stored.trainableParameters);
        matched++;
      }
      if (index % 50_000 === 0) {
        // Spot-check the fast duplicate test against the reference hash.
        expect(new ModelSpec(m.matrix, m.ops).hash()).toBe(m.hash);
      }
    }
    expect(index).toBe(423_624);
    expect(hashes.size).toBe(423_624);
    expect(matched).toBe(fixture.size);
    const sorted = [...parameters].sort((a, b) => a - b);
    expect(sorted[0]).toBe(227_274);
    expect(sorted.at(-1)).toBe(49_979_274);
    expect(clustersFromGaps(sorted)).toHaveLength(5);
    // DESIGN.md: about 1.25 G multiply-adds per image on average over the space.
    expect(macs / index / 1e9).toBeGreaterThan(1.1);
    expect(macs / index / 1e9).toBeLessThan(1.4);
  }, 300_000);

  it('starts with the input→output cell', () => {
    const first = enumerateModules().next().value;
    expect(first?.matrix).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(first?.ops).toEqual(['input', 'output']);
    expect(first?.hash).toBe(
      new ModelSpec(
        [
          [0, 1],
          [0, 0],
        ],
        ['input', 'output'],
      ).hash(),
    );
  });
});
