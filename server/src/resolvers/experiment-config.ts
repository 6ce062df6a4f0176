import type { ExperimentConfigResolvers } from '../generated/resolvers-types.ts';

/** The stored JSON configuration; older rows may lack the derived configurations. */
export const ExperimentConfig: ExperimentConfigResolvers = {
  configs: (config) => config.configs ?? [],
  engine: (config) => config.engine ?? null,
  kernels: (config) => (config.kernels ?? ['nngp']).map((k) => (k === 'ntk' ? 'NTK' : 'NNGP')),
};
