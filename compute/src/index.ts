/**
 * @nngp-nas/compute: the science. Subpaths keep heavy parts apart: `./nasbench` (search space,
 * records, import; no tfjs), `./datasets`, `./network` (graph and tfjs engine), `./nngp`.
 *
 * @example
 * import { ModelSpec } from '@nngp-nas/compute/nasbench';
 * new ModelSpec(matrix, ops).hash();
 */
export * as datasets from './datasets/index.ts';
export * as nasbench from './nasbench/index.ts';
export * as network from './network/index.ts';
export * as nngp from './nngp/index.ts';
