import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { readNasbenchRecords } from '../../src/nasbench/records/record.ts';
import { FIXTURE, FIXTURE_RECORDS } from './helpers.ts';

// A full collection makes the numbers mean retained memory rather than garbage not yet swept.
// vitest does not pass --expose-gc, so enable it at runtime and fetch gc from a fresh context.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function retainedBytes(): { heap: number; buffers: number } {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed, buffers: arrayBuffers };
}

it('reads the whole fixture in bounded memory', async () => {
  const before = retainedBytes();
  let worstHeap = 0;
  let worstBuffers = 0;
  let count = 0;
  for await (const { record } of readNasbenchRecords(FIXTURE)) {
    count++;
    if (record.epochs <= 0) throw new Error('unreachable: keeps `record` used');
    if (count % 5000 === 0) {
      const now = retainedBytes();
      worstHeap = Math.max(worstHeap, now.heap - before.heap);
      worstBuffers = Math.max(worstBuffers, now.buffers - before.buffers);
    }
  }
  expect(count).toBe(FIXTURE_RECORDS);
  expect(worstHeap).toBeLessThan(20 * 1024 * 1024);
  // The fixture is 10.8 MB: holding it in memory would show here; the 1 MiB read buffer must not.
  expect(worstBuffers).toBeLessThan(4 * 1024 * 1024);
}, 60_000);
