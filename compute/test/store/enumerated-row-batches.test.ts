import { describe, expect, it } from 'vitest';
import { enumerateModules } from '../../src/nasbench/enumerate.ts';
import { architectureRow } from '../../src/nasbench/store/architecture-rows.ts';
import { enumeratedRowBatches } from '../../src/nasbench/store/enumerated-row-batches.ts';

describe('enumeratedRowBatches', () => {
  it('yields the stored rows in enumeration order, in batches, from its worker thread', async () => {
    const expected = [];
    for (const m of enumerateModules()) {
      expected.push(architectureRow(m.hash, m.matrix, m.ops, m.index));
      if (expected.length === 250) break;
    }
    const batches = [];
    for await (const rows of enumeratedRowBatches({ batchSize: 100 })) {
      batches.push(rows);
      if (batches.length === 3) break;
    }
    expect(batches.map((b) => b.length)).toEqual([100, 100, 100]);
    expect(batches.flat().slice(0, 250)).toEqual(expected);
  }, 60_000);

  it('stops when its signal is aborted and throws the reason', async () => {
    const controller = new AbortController();
    const reason = new Error('stopping for the test');
    const seen: number[] = [];
    const run = (async () => {
      for await (const rows of enumeratedRowBatches({
        batchSize: 1_000,
        signal: controller.signal,
      })) {
        seen.push(rows.length);
        if (seen.length === 2) controller.abort(reason);
      }
    })();
    await expect(run).rejects.toBe(reason);
    expect(seen).toEqual([1_000, 1_000]);
  }, 60_000);
});
