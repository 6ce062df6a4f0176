import { forwardMacs, trainableParameterCount } from '../network/graph.ts';
import { mnasNetwork } from './network.ts';
import type { MnasSpec } from './spec.ts';

export interface MnasCost {
  /**
   * Trainable parameters: conv and depthwise kernels, batch-norm γ and β, SE kernels and biases,
   * the dense head's kernel and bias (not the batch-norm moving statistics).
   */
  parameters: number;
  /** Multiply-accumulates of one image's forward pass (convs, depthwise, SE, dense: forwardMacs). */
  macs: number;
  /** 2 × macs. */
  flops: number;
}

/**
 * Size and inference cost of `spec`'s network with its dense head, at `imageSize` (default 224)
 * and `classes` (default 1000): the conventions of MnasNet's Table 1 (MnasNet-A1: 3.9M
 * parameters, 312M multiply-adds).
 *
 * @example mnasCost(MNASNET_A1).parameters // about 3.9M
 */
export function mnasCost(
  spec: MnasSpec,
  options: { imageSize?: number; classes?: number } = {},
): MnasCost {
  const { imageSize = 224, classes = 1000 } = options;
  const graph = mnasNetwork(spec, { imageSize, classes, head: true });
  const macs = forwardMacs(graph);
  return { parameters: trainableParameterCount(graph), macs, flops: 2 * macs };
}
