import { describe, expect, it } from 'vitest';
import {
  decodeModelMetrics,
  encodeModelMetrics,
  type ModelMetrics,
} from '../../src/nasbench/records/metrics.ts';

const absent = {
  currentEpoch: null,
  trainingTime: null,
  trainAccuracy: null,
  validationAccuracy: null,
  testAccuracy: null,
  checkpointPath: null,
};

// Final accuracies, training time and parameters of the Inception-like cell (DESIGN.md §2);
// the other values are made up to fill every field.
const inception: ModelMetrics = {
  evaluationData: [
    {
      ...absent,
      currentEpoch: 0,
      trainingTime: 0,
      trainAccuracy: 0.1,
      validationAccuracy: 0.1,
      testAccuracy: 0.1,
    },
    {
      ...absent,
      currentEpoch: 54,
      trainingTime: 577.9,
      trainAccuracy: 0.8,
      validationAccuracy: 0.75,
      testAccuracy: 0.74,
    },
    {
      currentEpoch: 108,
      trainingTime: 1155.85,
      trainAccuracy: 1,
      validationAccuracy: 0.9376001358032227,
      testAccuracy: 0.9311898946762085,
      checkpointPath: 'gs://bucket/model.ckpt-1',
    },
  ],
  trainableParameters: 2694282,
  totalTime: 1769.1,
};

describe('ModelMetrics', () => {
  it('round-trips every field', () => {
    expect(decodeModelMetrics(encodeModelMetrics(inception))).toEqual(inception);
  });

  it('keeps absent fields (null) apart from zeros', () => {
    const sparse = encodeModelMetrics({
      evaluationData: [{ currentEpoch: 0 }, {}, { currentEpoch: 4, validationAccuracy: 0 }],
    });
    expect(decodeModelMetrics(sparse)).toEqual({
      evaluationData: [
        { ...absent, currentEpoch: 0 },
        absent,
        { ...absent, currentEpoch: 4, validationAccuracy: 0 },
      ],
      trainableParameters: null,
      totalTime: null,
    });
  });

  it('encodes fields as the proto numbers and wire types say', () => {
    // field 2 varint 300, field 3 double 1.5, field 1 message { field 4 double 0.25 }
    const bytes = encodeModelMetrics({
      evaluationData: [{ validationAccuracy: 0.25 }],
      trainableParameters: 300,
      totalTime: 1.5,
    });
    const expected = Buffer.concat([
      Buffer.from([0x0a, 0x09, 0x21]),
      Buffer.from(new Float64Array([0.25]).buffer),
      Buffer.from([0x10, 0xac, 0x02, 0x19]),
      Buffer.from(new Float64Array([1.5]).buffer),
    ]);
    expect(bytes.toString('hex')).toBe(expected.toString('hex'));
  });

  it('decodes an empty message to no evaluations and null totals', () => {
    expect(decodeModelMetrics(new Uint8Array(0))).toEqual({
      evaluationData: [],
      trainableParameters: null,
      totalTime: null,
    });
  });

  it('reports malformed bytes', () => {
    // field 1, length 9, but only 2 bytes follow
    expect(() => decodeModelMetrics(Buffer.from([0x0a, 0x09, 0x09, 0x00]))).toThrow(
      /^invalid ModelMetrics protobuf: /,
    );
  });

  it('refuses values that do not fit the schema', () => {
    expect(() => encodeModelMetrics({ trainableParameters: 1.5 })).toThrow(/trainable_parameters/);
  });
});
