import type { NetworkGraph, NodeId } from '../network/graph.ts';
import { GraphBuilder } from '../network/graph-builder.ts';
import type { MnasBlock } from './block.ts';
import { HEAD_FILTERS, STEM_FILTERS } from './choices.ts';
import { type MnasLayer, planLayers } from './layers.ts';
import type { MnasSpec } from './spec.ts';

export interface MnasNetworkOptions {
  /** Input height and width (default 224, ImageNet's). */
  imageSize?: number;
  /** Classes of the dense head (default 1000). */
  classes?: number;
  /** Whether the graph's output is the logits (default false: the pooled 1280-d features). */
  head?: boolean;
}

/**
 * The network of `spec`: a 3×3 stride-2 conv-BN-ReLU stem to 32 channels, the layers of its 7
 * blocks (planLayers), a 1×1 conv-BN-ReLU head to 1280 channels, global average pooling (the
 * features) and, with `head`, a dense layer with bias to `classes` logits. Activations are ReLU;
 * projections are linear (conv-BN), as in MobileNetV2 and MnasNet.
 *
 * @example const graph = mnasNetwork(MNASNET_A1, { imageSize: 32 }); // features [N, 1280]
 */
export function mnasNetwork(spec: MnasSpec, options: MnasNetworkOptions = {}): NetworkGraph {
  return blocksNetwork(spec.blocks, options);
}

/**
 * The network of blocks as given, canonical or not (what mnasNetwork builds for a spec's
 * canonical blocks; tests build a spec's `original` blocks here to check the canonical form
 * builds the same network).
 */
export function blocksNetwork(
  blocks: readonly MnasBlock[],
  options: MnasNetworkOptions = {},
): NetworkGraph {
  const { imageSize = 224, classes = 1000, head = false } = options;
  const g = new GraphBuilder(imageSize);
  let net = g.convBn(g.input(3), 3, STEM_FILTERS, 'stem', { stride: 2 });
  for (const layer of planLayers(blocks)) net = mnasLayer(g, net, layer);
  net = g.convBn(net, 1, HEAD_FILTERS, 'head');
  const features = g.globalAveragePool(net);
  const output = head ? g.dense(features, classes, 'logits') : features;
  return g.finish(features, output);
}

/**
 * One layer as MnasNet's MnasBlock builds it: [1×1 expansion-BN-ReLU] → k×k (depthwise) conv-BN-
 * ReLU → [squeeze-and-excitation on those features, reduced to max(1, ⌊C_in·ratio⌋) channels,
 * C_in the layer's input width] → [linear 1×1 projection-BN] → [+ shortcut].
 */
function mnasLayer(g: GraphBuilder, input: NodeId, layer: MnasLayer): NodeId {
  const scope = `block${layer.block + 1}/layer${layer.index}`;
  const { kernel, stride, inFilters, outFilters } = layer;
  let net: NodeId;
  if (layer.convOp === 'conv') {
    net = g.convBn(input, kernel, outFilters, scope, { stride });
  } else {
    const expansion = { sep: 1, mb3: 3, mb6: 6 }[layer.convOp];
    net = expansion === 1 ? input : g.convBn(input, 1, inFilters * expansion, `${scope}/expand`);
    net = g.depthwiseConvBn(net, kernel, stride, scope);
  }
  if (layer.se > 0) {
    net = g.squeezeExcite(net, Math.max(1, Math.floor(inFilters * layer.se)), `${scope}/se`);
  }
  if (layer.convOp !== 'conv') {
    net = g.convBn(net, 1, outFilters, `${scope}/project`, { relu: false });
  }
  return g.sum([net, shortcut(g, input, layer, scope)].filter((id) => id !== undefined));
}

function shortcut(
  g: GraphBuilder,
  input: NodeId,
  layer: MnasLayer,
  scope: string,
): NodeId | undefined {
  if (layer.shortcut === 'none') return undefined;
  if (layer.shortcut === 'identity') return input;
  const pooled = layer.stride > 1 ? g.averagePool(input, layer.stride, layer.stride) : input;
  return layer.inFilters === layer.outFilters
    ? pooled
    : g.convBn(pooled, 1, layer.outFilters, `${scope}/shortcut`, { relu: false });
}
