import { describe, expect, it } from 'vitest';
import {
  BASELINE,
  MNASNET_A1,
  type MnasSpec,
  MOBILENET_V2,
  mnasCost,
  sampleMnas,
} from '../../src/mnas/index.ts';

/**
 * Parameters and MACs of a spec counted layer by layer from the architecture's definition,
 * without the graph: trainable = conv kernels + BN γ, β + SE kernels and biases + dense head with
 * bias; MACs = convs, depthwise convs, SE and dense layers at their output size.
 */
function countByHand(spec: MnasSpec, imageSize: number, classes: number) {
  let parameters = 0;
  let macs = 0;
  let spatial = Math.ceil(imageSize / 2);
  const conv = (k: number, cin: number, cout: number, at: number) => {
    parameters += k * k * cin * cout + 2 * cout;
    macs += at * at * k * k * cin * cout;
  };
  const se = (channels: number, reduced: number) => {
    parameters += 2 * channels * reduced + reduced + channels;
    macs += 2 * channels * reduced;
  };
  conv(3, 3, 32, spatial);
  let width = 32;
  spec.blocks.forEach((block, b) => {
    for (let l = 0; l < block.layers; l++) {
      const stride = l === 0 ? (BASELINE[b]?.stride as number) : 1;
      const out = Math.ceil(spatial / stride);
      const reduced = Math.max(1, Math.floor(width * block.se));
      if (block.convOp === 'conv') {
        conv(block.kernel, width, block.filters, out);
        if (block.se) se(block.filters, reduced);
      } else {
        const expansion = { sep: 1, mb3: 3, mb6: 6 }[block.convOp];
        const hidden = width * expansion;
        if (expansion > 1) conv(1, width, hidden, spatial);
        parameters += block.kernel * block.kernel * hidden + 2 * hidden;
        macs += out * out * block.kernel * block.kernel * hidden;
        if (block.se) se(hidden, reduced);
        conv(1, hidden, block.filters, out);
      }
      const identity = stride === 1 && width === block.filters;
      if (block.skip === 'pool' && !identity && width !== block.filters)
        conv(1, width, block.filters, out);
      spatial = out;
      width = block.filters;
    }
  });
  conv(1, width, 1280, spatial);
  parameters += 1280 * classes + classes;
  macs += 1280 * classes;
  return { parameters, macs, flops: 2 * macs };
}

describe('mnasCost', () => {
  // Convention: trainable parameters with BN γ and β (not the moving statistics), a 1000-class
  // dense head with bias; MACs of one 224×224 image over convs, depthwise convs, SE and dense.
  it('counts MnasNet-A1 at 3,887,038 parameters and 311,579,072 MACs (paper: 3.9M, 312M)', () => {
    const cost = mnasCost(MNASNET_A1);
    expect(cost.parameters).toBe(3_887_038);
    expect(Math.abs(cost.parameters / 3.9e6 - 1)).toBeLessThan(0.03);
    expect(cost.macs).toBe(311_579_072);
    expect(Math.abs(cost.macs / 312e6 - 1)).toBeLessThan(0.03);
    expect(cost.flops).toBe(2 * cost.macs);
  });

  it('counts MobileNetV2 1.0 at 3,504,872 parameters and 300,774,272 MACs (paper: 3.4M, 300M)', () => {
    // 3,504,872 is also the trainable count of Keras' and torchvision's MobileNetV2 (1000 classes).
    const cost = mnasCost(MOBILENET_V2);
    expect(cost.parameters).toBe(3_504_872);
    expect(Math.abs(cost.parameters / 3.47e6 - 1)).toBeLessThan(0.03);
    expect(Math.abs(cost.macs / 300e6 - 1)).toBeLessThan(0.03);
  });

  it('agrees with a layer-by-layer count for sampled specs, at 224 and at odd sizes', () => {
    const specs = [MNASNET_A1, MOBILENET_V2, ...sampleMnas(200, 3)];
    for (const [imageSize, classes] of [
      [224, 1000],
      [36, 10],
      [45, 10],
    ] as const) {
      for (const spec of specs) {
        expect(mnasCost(spec, { imageSize, classes })).toEqual(
          countByHand(spec, imageSize, classes),
        );
      }
    }
  });
});
