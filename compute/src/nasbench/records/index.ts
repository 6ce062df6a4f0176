export { crc32c, maskCrc } from './crc32c.ts';
export { RecordFileError, type RecordLocation } from './errors.ts';
export {
  checkInputFile,
  InputFileError,
  type InputFileKind,
  type OpenInputFileOptions,
  openInputFile,
} from './input-file.ts';
export {
  decodeModelMetrics,
  type EvaluationData,
  encodeModelMetrics,
  type ModelMetrics,
  type ModelMetricsInit,
} from './metrics.ts';
export {
  type NasbenchRecord,
  type NasbenchRecordEntry,
  parseNasbenchRecord,
  readNasbenchRecords,
} from './record.ts';
export {
  MAX_TFRECORD_PAYLOAD_BYTES,
  type ReadTfRecordsOptions,
  readTfRecords,
  TFRECORD_FOOTER_BYTES,
  TFRECORD_HEADER_BYTES,
  type TfRecord,
} from './tfrecord.ts';
export { encodeTfRecord, writeTfRecords } from './tfrecord-writer.ts';
