import protobuf from 'protobufjs';

/**
 * NAS-Bench-101's `model_metrics.proto`, verbatim in substance. Parsed at load time rather than
 * compiled, so the schema stays readable next to the code that depends on it.
 */
const MODEL_METRICS_PROTO = `
syntax = "proto2";
package nasbench;

message ModelMetrics {
  repeated EvaluationData evaluation_data = 1;
  optional int32 trainable_parameters = 2;
  optional double total_time = 3;
}

message EvaluationData {
  optional double current_epoch = 1;
  optional double training_time = 2;
  optional double train_accuracy = 3;
  optional double validation_accuracy = 4;
  optional double test_accuracy = 5;
  optional string checkpoint_path = 6;
}
`;

const ModelMetricsType = protobuf
  .parse(MODEL_METRICS_PROTO, { keepCase: true })
  .root.lookupType('nasbench.ModelMetrics');

/** One evaluation of a training run; null marks a field absent from the record. */
export interface EvaluationData {
  currentEpoch: number | null;
  trainingTime: number | null;
  trainAccuracy: number | null;
  validationAccuracy: number | null;
  testAccuracy: number | null;
  checkpointPath: string | null;
}

/** A record's metrics. evaluationData is [initialisation, halfway, final] in NAS-Bench-101. */
export interface ModelMetrics {
  evaluationData: EvaluationData[];
  trainableParameters: number | null;
  totalTime: number | null;
}

/** What `encodeModelMetrics` accepts: any field may be left out (or null) to omit it. */
export interface ModelMetricsInit {
  evaluationData?: Partial<EvaluationData>[];
  trainableParameters?: number | null;
  totalTime?: number | null;
}

/** Wire-format field names, as in the .proto. */
interface WireEvaluationData {
  current_epoch?: number;
  training_time?: number;
  train_accuracy?: number;
  validation_accuracy?: number;
  test_accuracy?: number;
  checkpoint_path?: string;
}

interface WireModelMetrics {
  evaluation_data?: WireEvaluationData[];
  trainable_parameters?: number;
  total_time?: number;
}

/**
 * Decodes a serialized `ModelMetrics`. Absent optional fields become null, so a missing test
 * accuracy (most records of the development subset) stays distinct from an accuracy of 0.
 * Throws Error("invalid ModelMetrics protobuf: …") on malformed bytes.
 *
 * @example
 * const m = decodeModelMetrics(Buffer.from(rawMetricsBase64, 'base64'));
 * m.evaluationData[2]?.validationAccuracy; // 0.9376001358032227
 */
export function decodeModelMetrics(bytes: Uint8Array): ModelMetrics {
  let wire: WireModelMetrics;
  try {
    // defaults: false leaves absent fields out instead of filling in proto2 defaults (0, '').
    wire = ModelMetricsType.toObject(ModelMetricsType.decode(bytes), {
      defaults: false,
      arrays: true,
    }) as WireModelMetrics;
  } catch (error) {
    throw new Error(`invalid ModelMetrics protobuf: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    evaluationData: (wire.evaluation_data ?? []).map((e) => ({
      currentEpoch: e.current_epoch ?? null,
      trainingTime: e.training_time ?? null,
      trainAccuracy: e.train_accuracy ?? null,
      validationAccuracy: e.validation_accuracy ?? null,
      testAccuracy: e.test_accuracy ?? null,
      checkpointPath: e.checkpoint_path ?? null,
    })),
    trainableParameters: wire.trainable_parameters ?? null,
    totalTime: wire.total_time ?? null,
  };
}

/**
 * Serializes metrics; null or missing fields are omitted from the message.
 *
 * @example
 * const bytes = encodeModelMetrics({
 *   trainableParameters: 2694282,
 *   evaluationData: [{ currentEpoch: 0 }, { currentEpoch: 54 }, { currentEpoch: 108, validationAccuracy: 0.9376 }],
 * });
 * decodeModelMetrics(bytes).evaluationData[2]?.testAccuracy; // null
 */
export function encodeModelMetrics(metrics: ModelMetricsInit): Buffer {
  const wire: WireModelMetrics = withoutNulls({
    evaluation_data: (metrics.evaluationData ?? []).map((e) =>
      withoutNulls({
        current_epoch: e.currentEpoch,
        training_time: e.trainingTime,
        train_accuracy: e.trainAccuracy,
        validation_accuracy: e.validationAccuracy,
        test_accuracy: e.testAccuracy,
        checkpoint_path: e.checkpointPath,
      }),
    ),
    trainable_parameters: metrics.trainableParameters,
    total_time: metrics.totalTime,
  });
  const problem = ModelMetricsType.verify(wire);
  if (problem !== null) throw new TypeError(`encodeModelMetrics: ${problem}`);
  const message = ModelMetricsType.fromObject(wire);
  return Buffer.from(ModelMetricsType.encode(message).finish());
}

/** Drops null/undefined entries, which protobufjs would otherwise reject or encode. */
function withoutNulls<T extends object>(record: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
}
