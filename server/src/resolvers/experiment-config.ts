import type { ExperimentConfigResolvers } from '../generated/resolvers-types.ts';
import { searchSpaceName } from './search-space.ts';

/** The stored JSON configuration; older rows may lack the derived configurations, and NAS-Bench-101 rows the space. */
export const ExperimentConfig: ExperimentConfigResolvers = {
  space: (config) => searchSpaceName(config.space ?? 'nasbench101'),
  images: (config) => config.mnas?.images ?? null,
  labels: (config) => (config.mnas === undefined ? null : String(config.mnas.labels)),
  resolution: (config) => config.mnas?.resolution ?? null,
  configs: (config) => config.configs ?? [],
  engine: (config) => config.engine ?? null,
  kernels: (config) => (config.kernels ?? ['nngp']).map((k) => (k === 'ntk' ? 'NTK' : 'NNGP')),
};
