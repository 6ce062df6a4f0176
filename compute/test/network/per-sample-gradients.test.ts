import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHAPE, ModelSpec } from '../../src/nasbench/index.ts';
import { architectureNetwork, trainableParameterCount } from '../../src/network/index.ts';
import {
  disposeParameters,
  initialiseParameters,
  parameterBlocks,
  perSampleGradients,
  registerGradients,
  runGraph,
  startBackend,
} from '../../src/network/tfjs/index.ts';
import { INCEPTION as CELL } from '../nasbench/cells.ts';

const INCEPTION = new ModelSpec(CELL.matrix, CELL.ops);

const SHAPE = { ...DEFAULT_SHAPE, stemChannels: 4, stacks: 2, modulesPerStack: 1 };

/** Autodiff's gradient of one image's summed logits, flattened in the blocks' order. */
function referenceRow(
  graph: ReturnType<typeof architectureNetwork>,
  params: Map<string, tf.Tensor>,
  image: tf.Tensor4D,
  blocks: ReturnType<typeof parameterBlocks>,
): Float32Array {
  const names: string[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'conv') names.push(node.weight);
    if (node.kind === 'batchnorm') names.push(node.gamma, node.beta);
    if (node.kind === 'dense') names.push(node.weight, node.bias);
  }
  return tf.tidy(() => {
    const grads = tf.grads((...weights: tf.Tensor[]) => {
      const local = new Map(params);
      names.forEach((name, i) => {
        local.set(name, weights[i] as tf.Tensor);
      });
      return tf.sum(runGraph(graph, local, image, 'inference', graph.output, { fuse: false }));
    })(names.map((n) => params.get(n) as tf.Tensor));
    const byName = new Map(names.map((n, i) => [n, grads[i] as tf.Tensor]));
    const parts = blocks.map((block) => {
      const node = graph.nodes[block.node];
      if (node?.kind === 'conv') {
        const w = byName.get(node.weight) as tf.Tensor4D;
        return tf.reshape(
          tf.slice(w, [0, 0, 0, block.from], [-1, -1, -1, block.to - block.from]),
          [-1],
        );
      }
      if (node?.kind === 'batchnorm')
        return tf.concat([byName.get(node.gamma) as tf.Tensor, byName.get(node.beta) as tf.Tensor]);
      if (node?.kind === 'dense')
        return tf.concat([
          tf.reshape(byName.get(node.weight) as tf.Tensor, [-1]),
          byName.get(node.bias) as tf.Tensor,
        ]);
      throw new Error(`block on node ${block.node}`);
    });
    return tf.concat(parts).dataSync() as Float32Array;
  });
}

describe('per-sample parameter gradients (cpu: autodiff reference)', () => {
  it('split every trainable parameter into blocks of bounded size', async () => {
    await startBackend('cpu');
    const graph = architectureNetwork(INCEPTION.matrix, INCEPTION.ops, SHAPE, { head: true });
    const blocks = parameterBlocks(graph, 40);
    expect(blocks.reduce((s, b) => s + b.size, 0)).toBe(trainableParameterCount(graph));
    // A conv block exceeds the bound only when one output channel alone does.
    for (const b of blocks) {
      const node = graph.nodes[b.node];
      if (node?.kind === 'conv' && b.to - b.from > 1) expect(b.size).toBeLessThanOrEqual(40);
    }
  });

  it('equal autodiff gradients of each image alone, for every block, without leaking tensors', async () => {
    await startBackend('cpu');
    const graph = architectureNetwork(INCEPTION.matrix, INCEPTION.ops, SHAPE, { head: true });
    const params = initialiseParameters(graph, 3);
    // Moving statistics away from 0 / 1 so the batch-norm algebra is exercised.
    for (const node of graph.nodes) {
      if (node.kind !== 'batchnorm') continue;
      params.get(node.movingMean)?.dispose();
      params.get(node.movingVariance)?.dispose();
      params.set(node.movingMean, tf.randomNormal([node.channels], 0, 0.3, 'float32', node.id));
      params.set(
        node.movingVariance,
        tf.randomUniform([node.channels], 0.5, 2, 'float32', node.id),
      );
    }
    const images = tf.randomNormal([3, 32, 32, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
    const blocks = parameterBlocks(graph, 100);
    const before = tf.memory().numTensors;
    const rows = perSampleGradients(graph, params, images, blocks);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(rows.shape).toEqual([3, trainableParameterCount(graph)]);
    const got = rows.arraySync() as number[][];
    rows.dispose();
    for (let i = 0; i < 3; i++) {
      const image = tf.slice(images, [i, 0, 0, 0], [1, -1, -1, -1]) as tf.Tensor4D;
      const expected = referenceRow(graph, params, image, blocks);
      image.dispose();
      const row = got[i] as number[];
      const scale = Math.max(...expected.map(Math.abs));
      let worst = 0;
      for (let k = 0; k < expected.length; k++)
        worst = Math.max(worst, Math.abs((row[k] as number) - (expected[k] as number)));
      expect(worst / scale).toBeLessThan(1e-4);
    }
    images.dispose();
    disposeParameters(params);
  }, 60_000);
});

describe.each(['cpu', 'wasm'] as const)('conv input gradient on %s', (backend) => {
  it.each([1, 3])(
    "of a stride-1 'same' %i×%i conv, as a forward conv, equals Conv2DBackpropInput",
    async (k) => {
      await startBackend(backend);
      registerGradients();
      const x = tf.randomNormal([2, 6, 5, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const w = tf.randomNormal([k, k, 3, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
      const dy = tf.randomNormal([2, 6, 5, 4], 0, 1, 'float32', 3) as tf.Tensor4D;
      const viaGradient = tf.tidy(() =>
        tf
          .grad((input: tf.Tensor) =>
            tf.sum(tf.mul(tf.conv2d(input as tf.Tensor4D, w, 1, 'same'), dy)),
          )(x)
          .dataSync(),
      );
      const direct = tf.tidy(() => tf.conv2dTranspose(dy, w, [2, 6, 5, 3], 1, 'same').dataSync());
      expect(viaGradient).toHaveLength(180);
      viaGradient.forEach((v, i) => {
        expect(v).toBeCloseTo(direct[i] as number, 4);
      });
      tf.dispose([x, w, dy]);
    },
  );
});
