import type { MnasBlockInput } from './block.ts';
import { MnasSpec } from './spec.ts';

const block = (
  convOp: string,
  kernel: number,
  se: number,
  skip: string,
  filters: number,
  layers: number,
): MnasBlockInput => ({ convOp, kernel, se, skip, filters, layers });

/**
 * MobileNetV2 1.0 (Sandler et al. 2018), the search space's baseline: expansion-1 block as a
 * depthwise-separable conv, then MBConv6 3×3 blocks, identity residuals wherever they apply.
 */
export const MOBILENET_V2 = new MnasSpec([
  block('sep', 3, 0, 'id', 16, 1),
  block('mb6', 3, 0, 'id', 24, 2),
  block('mb6', 3, 0, 'id', 32, 3),
  block('mb6', 3, 0, 'id', 64, 4),
  block('mb6', 3, 0, 'id', 96, 3),
  block('mb6', 3, 0, 'id', 160, 3),
  block('mb6', 3, 0, 'id', 320, 1),
]);

/**
 * MnasNet-A1 (Tan et al. 2019, Figure 7; mnasnet_a1 of the reference code): SepConv 3×3 16 ×1
 * (no skip), MBConv6 3×3 24 ×2, MBConv3 5×5 SE 40 ×3, MBConv6 3×3 80 ×4, MBConv6 3×3 SE 112 ×2,
 * MBConv6 5×5 SE 160 ×3, MBConv6 3×3 320 ×1; identity residuals wherever they apply. Its widths
 * 40, 80 and 112 are given explicitly (112 is no multiplier of the baseline's 96).
 */
export const MNASNET_A1 = new MnasSpec([
  block('sep', 3, 0, 'none', 16, 1),
  block('mb6', 3, 0, 'id', 24, 2),
  block('mb3', 5, 0.25, 'id', 40, 3),
  block('mb6', 3, 0, 'id', 80, 4),
  block('mb6', 3, 0.25, 'id', 112, 2),
  block('mb6', 5, 0.25, 'id', 160, 3),
  block('mb6', 3, 0, 'id', 320, 1),
]);
