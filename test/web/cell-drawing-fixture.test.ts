import { DEFAULT_SPACING, distanceToCurve, layoutCell } from '@nngp-nas/web/cell-layout';
import { describe, expect, it } from 'vitest';
import { fixtureModules } from '../../compute/test/support/fixtures.ts';

// The architecture page draws each cell through layoutCell: for every module of the record
// fixture, one distinct path per matrix edge, each clear of the vertices it does not join.
describe('the cell drawing of every fixture architecture', () => {
  it('has one distinct path per matrix edge, clear of the other vertices', async () => {
    const modules = [...(await fixtureModules()).values()];
    expect(modules.length).toBe(10_302);
    const failures: string[] = [];
    for (const m of modules) {
      const layout = layoutCell(m.matrix, m.operations);
      const expected = m.matrix.flatMap((row, from) =>
        row.flatMap((bit, to) => (bit === 1 ? [`${from}-${to}`] : [])),
      );
      const drawn = layout.edges.map((e) => `${e.from}-${e.to}`);
      if (drawn.sort().join() !== expected.sort().join()) failures.push(`${m.hash}: edges`);
      if (new Set(layout.edges.map((e) => e.path)).size !== expected.length)
        failures.push(`${m.hash}: two edges share a path`);
      for (const edge of layout.edges) {
        for (const v of layout.vertices) {
          if (v.index === edge.from || v.index === edge.to) continue;
          if (distanceToCurve(v, edge) <= DEFAULT_SPACING.radius)
            failures.push(`${m.hash}: edge ${edge.from}→${edge.to} crosses vertex ${v.index}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
