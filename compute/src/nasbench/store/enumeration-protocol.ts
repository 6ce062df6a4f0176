import type { NewNasbenchArchitectureRow } from '@nngp-nas/db';

/** Asks the enumeration worker for its next `size` rows. */
export interface ToEnumerationWorker {
  size: number;
}

/** The next rows in enumeration order; `done` once the space is exhausted. */
export interface FromEnumerationWorker {
  rows: NewNasbenchArchitectureRow[];
  done: boolean;
}
