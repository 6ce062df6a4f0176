import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeModelMetrics, type ModelMetrics } from '../../src/nasbench/records/metrics.ts';
import {
  type NasbenchRecordEntry,
  parseNasbenchRecord,
  readNasbenchRecords,
} from '../../src/nasbench/records/record.ts';
import { readTfRecords } from '../../src/nasbench/records/tfrecord.ts';
import { FIXTURE, FIXTURE_MODULES, FIXTURE_RECORDS } from './helpers.ts';

/** Written by fixtures/expected-records.py, which decodes without protobufjs. */
interface Expected {
  index: number;
  offset: number;
  moduleHash: string;
  epochs: number;
  matrixText: string;
  operations: string[];
  metrics: ModelMetrics;
}

// One pass over the fixture, shared by the tests below (the hashes list is ~41k short strings).
const offsets: number[] = [];
const hashes: string[] = [];
const epochs = new Set<number>();
const evaluationCounts = new Set<number>();
let nextOffsetsChain = true;
let lastNextOffset = 0;
const byIndex = new Map<number, NasbenchRecordEntry>();
let expected: Expected[] = [];

beforeAll(async () => {
  const text = await readFile(
    path.join(import.meta.dirname, 'fixtures/expected-records.json'),
    'utf8',
  );
  expected = JSON.parse(text) as Expected[];
  const wanted = new Set(expected.map((e) => e.index));
  for await (const entry of readNasbenchRecords(FIXTURE)) {
    if (entry.offset !== lastNextOffset) nextOffsetsChain = false;
    lastNextOffset = entry.nextOffset;
    offsets.push(entry.offset);
    hashes.push(entry.record.moduleHash);
    epochs.add(entry.record.epochs);
    evaluationCounts.add(entry.record.metrics.evaluationData.length);
    if (wanted.has(entry.index)) byIndex.set(entry.index, entry);
  }
}, 60_000);

describe('reading nb101_subset.tfrecord', () => {
  it('finds every record and module', async () => {
    expect(offsets).toHaveLength(FIXTURE_RECORDS);
    expect(new Set(hashes).size).toBe(FIXTURE_MODULES);
    expect([...epochs].sort((a, b) => a - b)).toEqual([4, 12, 36, 108]);
    expect([...evaluationCounts]).toEqual([3]);
  });

  it('chains offsets from the first byte to the last', async () => {
    expect(offsets[0]).toBe(0);
    expect(nextOffsetsChain).toBe(true);
    expect(lastNextOffset).toBe((await stat(FIXTURE)).size);
  });

  it('agrees field by field with an independent decoder', () => {
    // The Inception-like cell 28cfc7874f6d200472e1a9dcd8650aa0 is not in the subset (checked
    // with grep), so records from each part of the file stand in for it, including the last
    // one, which carries train/test accuracies and training times at every evaluation.
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(
      expected.some((e) => e.metrics.evaluationData.some((d) => d.testAccuracy !== null)),
    ).toBe(true);
    for (const want of expected) {
      const got = byIndex.get(want.index);
      expect(got, `record ${want.index}`).toBeDefined();
      expect(got?.offset).toBe(want.offset);
      const { matrix, ...rest } = got?.record ?? { matrix: [] };
      expect(rest).toEqual({
        moduleHash: want.moduleHash,
        epochs: want.epochs,
        matrixText: want.matrixText,
        operations: want.operations,
        metrics: want.metrics,
      });
      expect(matrix.flat().join('')).toBe(want.matrixText);
      expect(matrix).toHaveLength(want.operations.length);
    }
  });

  it('decodes metrics losslessly: re-encoding gives the stored bytes', async () => {
    let mismatches = 0;
    for await (const { offset, index, payload } of readTfRecords(FIXTURE)) {
      const stored = (JSON.parse(payload.toString()) as string[])[4];
      const { metrics } = parseNasbenchRecord(payload, { file: FIXTURE, offset, record: index });
      if (encodeModelMetrics(metrics).toString('base64') !== stored) mismatches++;
    }
    expect(mismatches).toBe(0);
  }, 60_000);

  it('resumes at a saved offset and record number', async () => {
    const k = 12_345;
    const resumed: string[] = [];
    let first: { index: number; offset: number } | undefined;
    for await (const entry of readNasbenchRecords(FIXTURE, {
      startOffset: offsets[k],
      startRecord: k,
    })) {
      first ??= { index: entry.index, offset: entry.offset };
      resumed.push(entry.record.moduleHash);
    }
    expect(first).toEqual({ index: k, offset: offsets[k] });
    expect(resumed).toEqual(hashes.slice(k));
  });
});
