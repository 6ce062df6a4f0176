import type { Queryable, SearchSpace } from '@nngp-nas/db';
import type { Command } from 'commander';
import { clustersFromBoundaries } from '../../nasbench/clusters.ts';
import { refreshSizeClusters } from '../../nasbench/store/index.ts';
import { UsageError } from '../errors.ts';
import { space as spaceFlag } from '../flags.ts';
import { log, printJson } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function registerClusters(program: Command): void {
  program
    .command('clusters')
    .description('model-size clusters of the stored architectures, with counts')
    .option('--boundaries <list>', 'explicit boundaries in parameters, e.g. 10e6 or 10e6,30e6')
    .option('--gap <n>', 'split where distinct parameter counts are more than N apart', '1e6')
    .option('--space <space>', 'the search space: nasbench101 or mnas', 'nasbench101')
    .option('--json', 'print the clusters as JSON on stdout')
    .action(
      async (options: { boundaries?: string; gap: string; space: string; json?: boolean }) => {
        const gap = Number(options.gap);
        if (!(gap > 0))
          throw new UsageError(`--gap must be a positive number, got '${options.gap}'`);
        const space = spaceFlag('--space', options.space);
        const clusters = await withDatabase(async (database) => {
          if (options.boundaries === undefined) {
            const computed = await refreshSizeClusters(database.pool, gap, space);
            return countClusters(database.pool, computed, space);
          }
          return countClusters(
            database.pool,
            clustersFromBoundaries(parseBoundaries(options.boundaries)),
            space,
          );
        });
        if (options.json) printJson(clusters);
        else
          for (const c of clusters)
            log(`${String(c.id).padStart(2)}  ${c.label.padEnd(14)} ${c.count}`);
      },
    );
}

function parseBoundaries(text: string): number[] {
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isFinite(value) || value <= 0) {
      throw new UsageError(`--boundaries: '${part}' is not a positive number of parameters`);
    }
    return value;
  });
}

type Cluster = ReturnType<typeof clustersFromBoundaries>[number];

/** Clusters as JSON can carry them (an open upper end becomes null), with their counts in `space`. */
async function countClusters(
  db: Queryable,
  clusters: Cluster[],
  space: SearchSpace,
): Promise<(Omit<Cluster, 'maxParameters'> & { maxParameters: number | null; count: number })[]> {
  return Promise.all(
    clusters.map(async (c) => {
      const maxParameters = Number.isFinite(c.maxParameters) ? c.maxParameters : null;
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM architectures
          WHERE space = $3 AND trainable_parameters >= $1
            AND ($2::bigint IS NULL OR trainable_parameters <= $2)`,
        [c.minParameters, maxParameters, space],
      );
      return { ...c, maxParameters, count: Number(rows[0]?.n ?? 0) };
    }),
  );
}
