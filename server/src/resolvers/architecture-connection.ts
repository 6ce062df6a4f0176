import { countArchitectures } from '../architectures/list.ts';
import type { ArchitectureConnectionResolvers } from '../generated/resolvers-types.ts';

/** A page; the count runs only when totalCount is selected (it scans the whole filter). */
export const ArchitectureConnection: ArchitectureConnectionResolvers = {
  totalCount: (page, _, { db }) => countArchitectures(db, page.where),
  pageInfo: (page) => ({
    hasNextPage: page.hasNextPage,
    endCursor: page.edges.at(-1)?.cursor ?? null,
  }),
};
