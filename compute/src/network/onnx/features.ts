import * as ort from 'onnxruntime-node';
import type { NetworkGraph } from '../graph.ts';
import { FEATURES, IMAGES, type LoweredModel, lowerGraph, statisticNames } from './lower.ts';
import {
  foldBatchNorms,
  type OnnxParameters,
  onnxParameters,
  updateMovingStatistics,
} from './parameters.ts';
import { type OnnxProvider, sessionOptions } from './providers.ts';

export interface SeedFeaturesRequest {
  /** Standardised NHWC float32 images, `count` of them. */
  images: Float32Array;
  count: number;
  /** Rows of `images` for the training-mode pass that sets the batch-norm moving statistics. */
  bnBatch: readonly number[];
  /** Initialisation seed (the tfjs engine's initialiseParameters(graph, seed)). */
  seed: number;
  /** Images per inference run (bounds memory). */
  batchSize: number;
}

/**
 * The ONNX Runtime engine for one network graph: one seed's features at a time, with the tfjs
 * engine's initialisation and batch-norm calibration.
 *
 * The weights are baked into each seed's models as initializers rather than fed as inputs to one
 * session per architecture: constant weights let ORT's graph optimiser pre-pack the conv filters
 * and use its blocked NCHWc kernels. Measured on the 2-core machine (Inception-like cell, full
 * width, batches of 100, inference): 142–147 GFLOP/s against 82–94 with the weights as inputs,
 * far more than the 0.03–0.3 s each seed's two session builds cost; at stem 16 the two are even
 * (0.99 against 0.95 s per seed). `weights: 'inputs'` keeps the other variant for measurement.
 *
 * @example
 * const engine = new OnnxFeatureEngine(graph, 'cpu');
 * const phi = await engine.seedFeatures({ images, count: 300, bnBatch, seed: 1, batchSize: 100 });
 */
export class OnnxFeatureEngine {
  readonly graph: NetworkGraph;
  readonly provider: OnnxProvider;
  readonly #weights: 'initializers' | 'inputs';
  readonly #shared = new Map<
    'training' | 'inference',
    Promise<{ session: ort.InferenceSession; model: LoweredModel }>
  >();

  constructor(
    graph: NetworkGraph,
    provider: OnnxProvider = 'cpu',
    options: { weights?: 'initializers' | 'inputs' } = {},
  ) {
    this.graph = graph;
    this.provider = provider;
    this.#weights = options.weights ?? 'initializers';
  }

  /**
   * Features Φ ([count, C], row-major) of every image for one seed: initialise, one training-mode
   * pass over the batch-norm batch to update the moving statistics, then inference-mode passes
   * with the batch norms folded into the convs.
   */
  async seedFeatures(
    request: SeedFeaturesRequest,
  ): Promise<{ features: Float32Array; width: number }> {
    const params = await onnxParameters(this.graph, request.seed);
    await this.calibrate(params, request);
    const folded = foldBatchNorms(this.graph, params);
    return this.#withModel('inference', folded, async (session, model) => {
      const width = this.graph.nodes[this.graph.features]?.channels ?? 0;
      const features = new Float32Array(request.count * width);
      const imageSize = this.#imageFloats();
      for (let start = 0; start < request.count; start += request.batchSize) {
        const size = Math.min(request.batchSize, request.count - start);
        const x = request.images.subarray(start * imageSize, (start + size) * imageSize);
        const out = await this.#run(session, model, folded, x, size, [FEATURES]);
        features.set(out[FEATURES] as Float32Array, start * width);
      }
      return { features, width };
    });
  }

  /** One training-mode pass over the batch-norm batch; updates the moving statistics in `params`. */
  async calibrate(
    params: OnnxParameters,
    request: Pick<SeedFeaturesRequest, 'images' | 'bnBatch'>,
  ): Promise<void> {
    const imageSize = this.#imageFloats();
    const batch = new Float32Array(request.bnBatch.length * imageSize);
    request.bnBatch.forEach((row, i) => {
      batch.set(request.images.subarray(row * imageSize, (row + 1) * imageSize), i * imageSize);
    });
    await this.#withModel('training', params, async (session, model) => {
      const names = model.batchNorms.flatMap((bn) => Object.values(statisticNames(bn)));
      const out = await this.#run(session, model, params, batch, request.bnBatch.length, names);
      for (const bn of model.batchNorms) {
        const { mean, variance } = statisticNames(bn);
        const spatial = this.graph.nodes[bn.id]?.spatial ?? 1;
        updateMovingStatistics(
          params,
          bn,
          { mean: out[mean] as Float32Array, variance: out[variance] as Float32Array },
          request.bnBatch.length * spatial * spatial,
        );
      }
    });
  }

  /** Frees the shared sessions (weights-as-inputs variant); per-seed sessions are freed after use. */
  async release(): Promise<void> {
    const shared = [...this.#shared.values()];
    this.#shared.clear();
    for (const s of shared) await (await s).session.release();
  }

  #imageFloats(): number {
    const input = this.graph.nodes[0];
    return this.graph.imageSize * this.graph.imageSize * (input?.channels ?? 3);
  }

  async #withModel<T>(
    mode: 'training' | 'inference',
    params: OnnxParameters,
    use: (session: ort.InferenceSession, model: LoweredModel) => Promise<T>,
  ): Promise<T> {
    if (this.#weights === 'inputs') {
      let shared = this.#shared.get(mode);
      if (shared === undefined) {
        shared = this.#open(lowerGraph(this.graph, { mode }));
        this.#shared.set(mode, shared);
      }
      const { session, model } = await shared;
      return use(session, model);
    }
    const { session, model } = await this.#open(lowerGraph(this.graph, { mode, weights: params }));
    try {
      return await use(session, model);
    } finally {
      await session.release();
    }
  }

  async #open(
    model: LoweredModel,
  ): Promise<{ session: ort.InferenceSession; model: LoweredModel }> {
    const session = await ort.InferenceSession.create(model.bytes, sessionOptions(this.provider));
    return { session, model };
  }

  async #run(
    session: ort.InferenceSession,
    model: LoweredModel,
    params: OnnxParameters,
    images: Float32Array,
    count: number,
    outputs: string[],
  ): Promise<Record<string, Float32Array>> {
    const size = this.graph.imageSize;
    const feeds: Record<string, ort.Tensor> = {
      [IMAGES]: new ort.Tensor('float32', images, [
        count,
        size,
        size,
        images.length / (count * size * size),
      ]),
    };
    for (const [name, dims] of model.parameterInputs) {
      const p = params.get(name);
      if (p === undefined) throw new RangeError(`parameter ${name} is missing`);
      feeds[name] = new ort.Tensor('float32', p.data, dims);
    }
    const result = await session.run(feeds, outputs);
    const values: Record<string, Float32Array> = {};
    for (const name of outputs) {
      const tensor = result[name];
      values[name] = Float32Array.from(tensor?.data as Float32Array);
      tensor?.dispose();
    }
    return values;
  }
}
