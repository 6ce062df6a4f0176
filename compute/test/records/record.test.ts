import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordFileError } from '../../src/nasbench/records/errors.ts';
import { encodeModelMetrics } from '../../src/nasbench/records/metrics.ts';
import { parseNasbenchRecord, readNasbenchRecords } from '../../src/nasbench/records/record.ts';
import { writeTfRecords } from '../../src/nasbench/records/tfrecord-writer.ts';
import { failure, tempDir } from './helpers.ts';

const where = { file: 'nb101.tfrecord', offset: 567890, record: 1234 };
const hash = '28cfc7874f6d200472e1a9dcd8650aa0';
const matrixText = '0101000010000010000100000';
const ops = 'input,conv3x3-bn-relu,maxpool3x3,conv1x1-bn-relu,output';
const metricsBase64 = encodeModelMetrics({
  evaluationData: [
    { currentEpoch: 0 },
    { currentEpoch: 2 },
    { currentEpoch: 4, validationAccuracy: 0.5 },
  ],
  trainableParameters: 1234567,
}).toString('base64');

/** A payload from its five fields, as NAS-Bench-101 writes it (Python json.dumps spacing). */
function payload(fields: unknown[] = [hash, 4, matrixText, ops, metricsBase64]): Buffer {
  return Buffer.from(JSON.stringify(fields).replaceAll('","', '", "'));
}

function parseError(bytes: Buffer): RecordFileError {
  try {
    parseNasbenchRecord(bytes, where);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordFileError);
    return error as RecordFileError;
  }
  throw new Error('expected parseNasbenchRecord to throw');
}

describe('parseNasbenchRecord', () => {
  it('parses the five fields', () => {
    const record = parseNasbenchRecord(payload(), where);
    expect(record).toEqual({
      moduleHash: hash,
      epochs: 4,
      matrixText,
      matrix: [
        [0, 1, 0, 1, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 0, 1],
        [0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0],
      ],
      operations: ['input', 'conv3x3-bn-relu', 'maxpool3x3', 'conv1x1-bn-relu', 'output'],
      metrics: {
        evaluationData: [
          expect.objectContaining({ currentEpoch: 0, validationAccuracy: null }),
          expect.objectContaining({ currentEpoch: 2 }),
          expect.objectContaining({ currentEpoch: 4, validationAccuracy: 0.5, testAccuracy: null }),
        ],
        trainableParameters: 1234567,
        totalTime: null,
      },
    });
  });

  it('names file, record, offset and field in its messages', () => {
    const error = parseError(payload([hash, 4, '0'.repeat(50), ops, metricsBase64]));
    expect(error.message).toBe(
      'nb101.tfrecord: record 1234 at byte offset 567890: field raw_adjacency: length 50 is not a perfect square',
    );
    expect(error).toMatchObject({ ...where, field: 'raw_adjacency' });
  });

  const good = [hash, 4, matrixText, ops, metricsBase64];
  const withField = (i: number, value: unknown): Buffer =>
    payload(good.map((v, j) => (j === i ? value : v)));
  const cases: [string, Buffer, string | null, RegExp][] = [
    ['malformed JSON', Buffer.from('["abc", 4, '), null, /payload is not valid JSON/],
    ['invalid UTF-8', Buffer.from([0x5b, 0xff, 0x5d]), null, /payload is not valid UTF-8/],
    ['an object', Buffer.from('{"a": 1}'), null, /must be a JSON array .*got an object/],
    ['four fields', payload(good.slice(0, 4)), null, /got an array of 4/],
    [
      'a short hash',
      withField(0, 'abc'),
      'module_hash',
      /expected 32 lowercase hex digits, got "abc"/,
    ],
    ['fractional epochs', withField(1, 4.5), 'epochs', /expected a positive integer, got 4.5/],
    ['epochs as text', withField(1, '108'), 'epochs', /got "108"/],
    [
      'a non-square matrix',
      withField(2, '0'.repeat(24)),
      'raw_adjacency',
      /length 24 is not a perfect square/,
    ],
    [
      'a matrix with a 2',
      withField(2, `${'0'.repeat(24)}2`),
      'raw_adjacency',
      /string of '0'\/'1'/,
    ],
    ['an empty matrix', withField(2, ''), 'raw_adjacency', /non-empty/],
    ['a number as matrix', withField(2, 101), 'raw_adjacency', /got 101/],
    [
      'too few operations',
      withField(3, 'input,output'),
      'raw_operations',
      /2 operations for 5 vertices/,
    ],
    [
      'an empty operation',
      withField(3, 'input,,maxpool3x3,conv1x1-bn-relu,output'),
      'raw_operations',
      /empty operation/,
    ],
    ['bad base64', withField(4, 'CgkJ!AAA'), 'raw_metrics', /base64/],
    ['unpadded base64', withField(4, 'CgkJA'), 'raw_metrics', /base64/],
    [
      'base64 of a broken protobuf',
      withField(4, Buffer.from([0x0a, 0x09, 0x09]).toString('base64')),
      'raw_metrics',
      /invalid ModelMetrics protobuf/,
    ],
  ];
  it.each(cases)('rejects %s', (_, bytes, field, message) => {
    const error = parseError(bytes);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    if (field !== null) expect(error.message).toContain(`: field ${field}: `);
  });
});

describe('readNasbenchRecords', () => {
  it('yields parsed records and stops at the first malformed one with its location', async () => {
    const file = path.join(await tempDir(), 'mixed.tfrecord');
    const records = [
      payload(),
      payload([hash, 12, matrixText, ops, metricsBase64]),
      payload([hash, 36, '0'.repeat(50), ops, metricsBase64]),
    ];
    await writeTfRecords(file, records);
    const { error, seen } = await failure(readNasbenchRecords(file));
    expect(seen.map((s) => [s.index, s.offset, s.nextOffset, s.record.epochs])).toEqual([
      [0, 0, (records[0] as Buffer).length + 16, 4],
      [
        1,
        (records[0] as Buffer).length + 16,
        (records[0] as Buffer).length + (records[1] as Buffer).length + 32,
        12,
      ],
    ]);
    expect(error).toMatchObject({
      file,
      record: 2,
      offset: seen[1]?.nextOffset,
      field: 'raw_adjacency',
    });
  });
});
