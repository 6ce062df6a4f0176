import * as tf from '@tensorflow/tfjs-core';
import { forwardMacs, type NetworkGraph } from '../network/index.ts';
import {
  disposeParameters,
  type ParameterBlock,
  parameterBlocks,
  perSampleGradients,
} from '../network/tfjs/index.ts';
import { calibratedParameters, type SeedKernelRequest, symmetrise } from './kernel-estimation.ts';
import type { SeedKernel } from './seed-kernel.ts';

/** Default bytes for one group's per-sample gradient rows (n images × its parameters, float32). */
export const NTK_GROUP_BYTES = 256 * 2 ** 20;

export interface SeedNtkRequest extends SeedKernelRequest {
  /**
   * Bytes one group of per-sample gradient rows may take (n_t + n_v rows × the group's
   * parameters × 4): the parameters are taken in groups this small, so the whole n × P Jacobian
   * is never held at once. Default {@link NTK_GROUP_BYTES}.
   */
  groupBytes?: number;
}

/**
 * One Monte-Carlo sample of the empirical neural tangent kernel of `graph` (with its dense head):
 * Θ(x, x′) = Σ_θ ∂f(x)/∂θ · ∂f(x′)/∂θ over every trainable parameter, where f is the sum of the
 * logits (so Θ is the NTK of one logit with the head's column sum as its weights; the
 * infinite-width NTK is the same for every logit). Same initialisation and batch-norm calibration
 * as the NNGP sample of the same seed, gradients in inference mode. The parameters go in groups
 * of at most `groupBytes` of gradient rows; for each group every image's gradient rows are formed
 * `batchSize` images at a time and the group's contribution J_g·J_gᵀ (val and train rows against
 * train rows) is added to the kernel in float64. Frees every tensor it makes.
 *
 * @example const { kernel } = await estimateSeedNtk(graph, { images, nTrain: 100, nVal: 200, bnBatch, seed: 1, batchSize: 25 });
 */
export async function estimateSeedNtk(
  graph: NetworkGraph,
  request: SeedNtkRequest,
): Promise<{ kernel: SeedKernel; flops: number }> {
  const { images, nTrain, nVal, bnBatch, seed, batchSize } = request;
  if (graph.output === graph.features) throw new RangeError('the NTK needs a graph with its head');
  const total = nTrain + nVal;
  const groupSize = Math.max(1, Math.floor((request.groupBytes ?? NTK_GROUP_BYTES) / (4 * total)));
  const groups = parameterGroups(parameterBlocks(graph, groupSize), groupSize);
  const kernel = new Float64Array(total * nTrain);
  const params = calibratedParameters(graph, images, bnBatch, seed);
  try {
    for (const group of groups) {
      const gram = tf.tidy(() => {
        const rows: tf.Tensor2D[] = [];
        for (let start = 0; start < total; start += batchSize) {
          const size = Math.min(batchSize, total - start);
          const x = tf.slice(images, start, size);
          rows.push(perSampleGradients(graph, params, x, group));
        }
        const jacobian = tf.concat(rows, 0) as tf.Tensor2D;
        for (const r of rows) r.dispose();
        return tf.matMul(jacobian, tf.slice(jacobian, [0, 0], [nTrain, -1]), false, true);
      });
      // Asynchronous read: the webgpu backend cannot read synchronously in Node.
      const values = (await gram.data()) as Float32Array;
      gram.dispose();
      for (let i = 0; i < values.length; i++)
        kernel[i] = (kernel[i] as number) + (values[i] as number);
    }
  } finally {
    disposeParameters(params);
  }
  return {
    kernel: {
      nTrain,
      nVal,
      kTrainTrain: symmetrise(Float32Array.from(kernel.subarray(0, nTrain * nTrain)), nTrain),
      kValTrain: Float32Array.from(kernel.subarray(nTrain * nTrain)),
    },
    flops: ntkSeedFlops(graph, groups, total, nTrain, bnBatch.length),
  };
}

/** Consecutive blocks packed into groups of at most `size` parameters (a larger block alone). */
function parameterGroups(blocks: readonly ParameterBlock[], size: number): ParameterBlock[][] {
  const groups: ParameterBlock[][] = [];
  let current: ParameterBlock[] = [];
  let filled = 0;
  for (const block of blocks) {
    if (current.length > 0 && filled + block.size > size) {
      groups.push(current);
      current = [];
      filled = 0;
    }
    current.push(block);
    filled += block.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * FLOPs (2 × MACs) of one seed as run: the batch-norm batch's forward pass; per group a forward
 * and a backward pass (input gradients, about as many MACs as the forward) over every image and
 * the per-sample gradients of its convs (as many MACs as those convs' forward); then the products
 * J_g·J_tᵀ, n_t(n_t + n_v) MACs per parameter.
 */
function ntkSeedFlops(
  graph: NetworkGraph,
  groups: readonly ParameterBlock[][],
  total: number,
  nTrain: number,
  bnImages: number,
): number {
  const forward = forwardMacs(graph);
  let macs = forwardMacs(graph, graph.features) * bnImages;
  for (const group of groups) {
    macs += 2 * forward * total;
    for (const block of group) {
      const node = graph.nodes[block.node];
      const positions = node && node.spatial > 0 ? node.spatial * node.spatial : 1;
      macs += block.size * positions * total + block.size * total * nTrain;
    }
  }
  return 2 * macs;
}
