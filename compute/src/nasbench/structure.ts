import { vertexChannels } from './channels.ts';
import type { Matrix } from './matrix.ts';
import type { Operation } from './operations.ts';

/** Width and depth of the NAS-Bench-101 network; defaults are the paper's. */
export interface NetworkShape {
  stemChannels: number;
  stacks: number;
  modulesPerStack: number;
  classes: number;
  imageSize: number;
}

export const DEFAULT_SHAPE: NetworkShape = {
  stemChannels: 128,
  stacks: 3,
  modulesPerStack: 3,
  classes: 10,
  imageSize: 32,
};

/** One convolution (with batch norm) of the network, at the spatial size it runs on. */
export interface ConvLayer {
  kernel: 1 | 3;
  inChannels: number;
  outChannels: number;
  spatial: number;
}

const KERNEL: Partial<Record<Operation, 1 | 3>> = {
  'conv3x3-bn-relu': 3,
  'conv1x1-bn-relu': 1,
};

/** The convolutions of one module (vertex ops and input projections), in build order. */
export function moduleConvolutions(
  matrix: Matrix,
  ops: readonly Operation[],
  inChannels: number,
  outChannels: number,
  spatial: number,
): ConvLayer[] {
  const n = matrix.length;
  const out = n - 1;
  const channels = vertexChannels(inChannels, outChannels, matrix);
  const layers: ConvLayer[] = [];
  for (let v = 1; v < out; v++) {
    const c = channels[v] as number;
    if (matrix[0]?.[v]) layers.push({ kernel: 1, inChannels, outChannels: c, spatial });
    const kernel = KERNEL[ops[v] as Operation];
    if (kernel) layers.push({ kernel, inChannels: c, outChannels: c, spatial });
  }
  if (matrix[0]?.[out]) layers.push({ kernel: 1, inChannels, outChannels, spatial });
  return layers;
}

/**
 * Every convolution of the whole network: the 3x3 stem, then `stacks` stacks of modules, each
 * stack after the first preceded by a 2x2 stride-2 max-pool that doubles the channels.
 */
export function networkConvolutions(
  matrix: Matrix,
  ops: readonly Operation[],
  shape: NetworkShape = DEFAULT_SHAPE,
): ConvLayer[] {
  let spatial = shape.imageSize;
  let channels = shape.stemChannels;
  const layers: ConvLayer[] = [{ kernel: 3, inChannels: 3, outChannels: channels, spatial }];
  let inChannels = channels;
  for (let stack = 0; stack < shape.stacks; stack++) {
    if (stack > 0) {
      spatial = Math.ceil(spatial / 2);
      channels *= 2;
    }
    for (let m = 0; m < shape.modulesPerStack; m++) {
      layers.push(...moduleConvolutions(matrix, ops, inChannels, channels, spatial));
      inChannels = channels;
    }
  }
  return layers;
}

/** Width of the global-average-pooled feature (the NNGP feature dimension). */
export function featureWidth(shape: NetworkShape = DEFAULT_SHAPE): number {
  return shape.stemChannels * 2 ** (shape.stacks - 1);
}

/**
 * NAS-Bench-101's `trainable_parameters`: each conv k²·C_in·C_out weights (no bias) plus batch
 * norm's 2·C_out, and the dense head.
 *
 * @example trainableParameters(inception.matrix, inception.ops) // 2694282
 */
export function trainableParameters(
  matrix: Matrix,
  ops: readonly Operation[],
  shape: NetworkShape = DEFAULT_SHAPE,
): number {
  let total = 0;
  for (const l of networkConvolutions(matrix, ops, shape)) {
    total += l.kernel * l.kernel * l.inChannels * l.outChannels + 2 * l.outChannels;
  }
  const d = featureWidth(shape);
  return total + d * shape.classes + shape.classes;
}

/**
 * Inference FLOPs for one image, by the convention FLOPs = 2 × multiply-accumulates, counting the
 * convolutions ('same' padding, so H·W·k²·C_in·C_out MACs each) and the dense head. Batch norm
 * (folded into the conv at inference), ReLU, pooling, additions and truncation are not counted.
 */
export function inferenceFlops(
  matrix: Matrix,
  ops: readonly Operation[],
  shape: NetworkShape = DEFAULT_SHAPE,
): number {
  let macs = 0;
  for (const l of networkConvolutions(matrix, ops, shape)) {
    macs += l.spatial * l.spatial * l.kernel * l.kernel * l.inChannels * l.outChannels;
  }
  macs += featureWidth(shape) * shape.classes;
  return 2 * macs;
}
