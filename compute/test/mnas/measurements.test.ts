import { describe, expect, it } from 'vitest';
import { parseMeasurements } from '../../src/mnas/measurements.ts';

const HASH = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);

describe('parseMeasurements', () => {
  it('reads hashes or encodings, the 5-epoch accuracy, latency and an optional final accuracy', () => {
    const rows = parseMeasurements(
      `hash,encoding,accuracy_5epoch,latency_ms,final_accuracy\n${HASH},,0.61,74.5,0.752\n,mb6-x,0.58,80,\n`,
      'mnas.csv',
    );
    expect(rows).toEqual([
      {
        hash: HASH,
        encoding: null,
        accuracy5: 0.61,
        latencyMs: 74.5,
        finalAccuracy: 0.752,
        line: 2,
      },
      {
        hash: null,
        encoding: 'mb6-x',
        accuracy5: 0.58,
        latencyMs: 80,
        finalAccuracy: null,
        line: 3,
      },
    ]);
  });

  it('names the file, line and field of what it refuses', () => {
    const bad =
      (body: string, header = 'hash,accuracy_5epoch,latency_ms') =>
      () =>
        parseMeasurements(`${header}\n${body}\n`, 'm.csv');
    expect(bad(`${HASH},61.2,70`)).toThrow(
      'm.csv:2: accuracy_5epoch is 61.2, expected a fraction in [0, 1] (a percentage? divide by 100)',
    );
    expect(bad(`${HASH},0.6,0`)).toThrow('m.csv:2: latency_ms is 0, expected a positive number');
    expect(bad(`${HASH},0.6,fast`)).toThrow('m.csv:2: latency_ms is "fast", not a number');
    expect(bad('XYZ,0.6,70')).toThrow('m.csv:2: hash "XYZ" is not 32 lower-case hex digits');
    expect(bad(`${HASH},0.6,70\n${OTHER},0.5,70\n${HASH},0.6,71`)).toThrow(
      `m.csv:4: ${HASH} was already measured on line 2`,
    );
    expect(bad(`${HASH},0.6`, 'hash,accuracy_5epoch')).toThrow(
      'm.csv:1: missing the "latency_ms" column',
    );
    expect(bad(`${HASH},0.6,70,1`, 'hash,accuracy_5epoch,latency_ms,acc')).toThrow(
      'm.csv:1: unknown column "acc"',
    );
    expect(bad('0.6,70', 'accuracy_5epoch,latency_ms')).toThrow(
      'm.csv:1: needs an "encoding" or a "hash" column',
    );
    expect(() => parseMeasurements('', 'm.csv')).toThrow('m.csv: empty, expected a header line');
  });
});
