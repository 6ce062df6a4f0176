export * from './architectures.ts';
export * from './clusters.ts';
export * from './data-version.ts';
export * from './mnas.ts';
export * from './nngp.ts';
export * from './proxies.ts';
export * from './training.ts';
