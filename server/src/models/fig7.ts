import type { Fig7 } from '../generated/resolvers-types.ts';

/** Paper Fig. 7 as its resolvers see it: the analysis, with its experiment by id (a loader reads it). */
export type Fig7Model = Omit<Fig7, 'experiment'> & { experimentId: number };
