import type { ArchitectureRow } from '@nngp-nas/db';
import type { SQL } from 'drizzle-orm';

/** One page of an architecture listing; `where` lets totalCount run only when it is asked for. */
export interface ArchitecturePage {
  edges: ArchitectureEdgeModel[];
  hasNextPage: boolean;
  /** The filter's condition (undefined: no filter), reused by the lazy totalCount. */
  where: SQL | undefined;
}

export interface ArchitectureEdgeModel {
  cursor: string;
  node: ArchitectureRow;
}
