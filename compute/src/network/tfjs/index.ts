/**
 * The TensorFlow.js engine: starts a backend, initialises a graph's parameters and runs it.
 *
 * @example
 * await startBackend();
 * const params = initialiseParameters(graph, 0);
 * const features = runGraph(graph, params, images, 'inference', graph.features);
 */
export { BACKENDS, BackendError, type BackendName, startBackend } from './backend.ts';
export { runGraph } from './execute.ts';
export { registerGradients } from './gradients.ts';
export { disposeParameters, initialiseParameters, type Parameters } from './parameters.ts';
export {
  type ParameterBlock,
  parameterBlocks,
  perSampleGradients,
} from './per-sample-gradients.ts';
