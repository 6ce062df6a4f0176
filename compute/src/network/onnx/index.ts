/**
 * The ONNX Runtime engine: lowers a NetworkGraph to an ONNX model (NCHW inside), initialises it
 * exactly as the TensorFlow.js engine does for the same seed, calibrates batch norm the same way,
 * and runs it on ORT's native CPU provider (all cores in one pool), WebGPU or CUDA.
 *
 * @example
 * await checkProvider('cpu');
 * const engine = new OnnxFeatureEngine(graph, 'cpu');
 * const { features } = await engine.seedFeatures({ images, count, bnBatch, seed, batchSize: 100 });
 */
export { OnnxFeatureEngine, type SeedFeaturesRequest } from './features.ts';
export {
  FEATURES,
  IMAGES,
  type LoweredModel,
  type LoweringOptions,
  lowerGraph,
  samePadding,
  statisticNames,
} from './lower.ts';
export {
  foldBatchNorms,
  type OnnxParameters,
  onnxParameters,
  updateMovingStatistics,
} from './parameters.ts';
export { type OnnxTensor, OPSET } from './proto-builder.ts';
export {
  checkProvider,
  ONNX_PROVIDERS,
  type OnnxProvider,
  ProviderError,
  sessionOptions,
} from './providers.ts';
