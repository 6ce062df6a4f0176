import type { DashboardFilter } from '../filters/index.ts';
import { toArchitectureFilter } from '../filters/index.ts';
import { query } from './client.ts';
import { ARCHITECTURE, ARCHITECTURES, COUNTS, SIZE_CLUSTERS } from './documents.ts';
import type {
  ArchitectureDetail,
  ArchitectureOrder,
  ArchitecturePage,
  SearchSpace,
  SizeCluster,
} from './types.ts';

/**
 * Architectures matching the filter, and those of them with ground truth.
 *
 * @example const { all, withGroundTruth } = await loadCounts(filter);
 */
export async function loadCounts(
  filter: DashboardFilter,
): Promise<{ all: number; withGroundTruth: number }> {
  const data = await query(COUNTS, {
    filter: toArchitectureFilter(filter),
    withTruth: toArchitectureFilter(filter, { hasGroundTruth: true }),
  });
  return { all: data.all.totalCount, withGroundTruth: data.withGroundTruth.totalCount };
}

/**
 * How many of the filtered architectures have an NNGP result in the experiment.
 *
 * @example await countEvaluated(filter, '1') // 40
 */
export async function countEvaluated(filter: DashboardFilter, experiment: string): Promise<number> {
  const data = await query(COUNTS, {
    filter: toArchitectureFilter(filter, { experiment }),
    withTruth: toArchitectureFilter(filter, { experiment, hasGroundTruth: true }),
  });
  return data.all.totalCount;
}

/**
 * The default model-size clusters of a search space (each space has its own).
 *
 * @example (await loadSizeClusters('NASBENCH_101'))[0]?.label // '0.2M–16.9M'
 */
export async function loadSizeClusters(space: SearchSpace): Promise<SizeCluster[]> {
  return (await query(SIZE_CLUSTERS, { space })).sizeClusters;
}

/**
 * The first page of the filtered architectures in the given order, with the NNGP results of
 * `experiment` (none when null).
 *
 * @example const page = await loadArchitecturePage(filter, { field: 'FLOPS', direction: 'DESC' }, 100, '1');
 */
export async function loadArchitecturePage(
  filter: DashboardFilter,
  orderBy: ArchitectureOrder,
  first: number,
  experiment: string | null = null,
): Promise<ArchitecturePage> {
  const data = await query(ARCHITECTURES, {
    filter: toArchitectureFilter(filter),
    orderBy,
    first,
    experiment,
    withNngp: experiment !== null,
  });
  return data.architectures;
}

/**
 * One architecture with its training runs, NNGP results and proxy scores; null for an unknown
 * hash (the API's NOT_FOUND).
 *
 * @example const architecture = await loadArchitecture('28cfc7874f6d200472e1a9dcd8650aa0');
 */
export async function loadArchitecture(hash: string): Promise<ArchitectureDetail | null> {
  try {
    return (await query(ARCHITECTURE, { hash })).architecture;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'NOT_FOUND') return null;
    throw error;
  }
}
