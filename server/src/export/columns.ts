import { type Db, type KernelKind, nngpExperiments, proxyScores } from '@nngp-nas/db';
import { asc } from 'drizzle-orm';

/**
 * The experiment behind one `nngp_<name>` (or `ntk_<name>`) column: its results with that kernel
 * at its own (largest) config.
 */
export interface ExperimentColumn {
  id: number;
  name: string;
  kind: KernelKind;
}

/**
 * The columns that depend on the data: one per experiment (and a second for the NTK of an
 * experiment that estimates it) and one per imported proxy.
 */
export interface ExportColumns {
  experiments: ExperimentColumn[];
  proxies: string[];
}

/** Columns every export has, in order (DESIGN.md §2 definitions; README "CSV export"). */
export const FIXED_COLUMNS = [
  'hash',
  'trainable_parameters',
  'flops',
  'residual_connections',
  'size_cluster',
  'operations',
  'matrix',
  'ground_truth',
  'val_acc_4',
  'val_acc_12',
  'val_acc_36',
  'val_acc_108',
  'test_acc_108',
  'train_time_108',
] as const;

/**
 * Every experiment (by id) and every imported proxy name (alphabetical), read once before the
 * first row so the header is fixed for the whole stream.
 *
 * @example const columns = await loadExportColumns(db); headerOf(columns)
 */
export async function loadExportColumns(db: Db): Promise<ExportColumns> {
  const [experiments, proxies] = await Promise.all([
    db
      .select({
        id: nngpExperiments.id,
        name: nngpExperiments.name,
        config: nngpExperiments.config,
      })
      .from(nngpExperiments)
      .orderBy(asc(nngpExperiments.id)),
    db
      .selectDistinct({ proxy: proxyScores.proxy })
      .from(proxyScores)
      .orderBy(asc(proxyScores.proxy)),
  ]);
  const columns = experiments.flatMap(({ id, name, config }): ExperimentColumn[] => [
    { id, name, kind: 'nngp' },
    ...(config.kernels?.includes('ntk') ? [{ id, name, kind: 'ntk' as const }] : []),
  ]);
  return { experiments: columns, proxies: proxies.map((p) => p.proxy) };
}

/**
 * The header row: the fixed columns, `nngp_<experiment name>` per experiment (and
 * `ntk_<experiment name>` for its NTK), `proxy_<name>` per proxy.
 *
 * @example headerOf({ experiments: [{ id: 1, name: 'paper', kind: 'nngp' }], proxies: ['zen_score'] }).slice(-2)
 * // ['nngp_paper', 'proxy_zen_score']
 */
export function headerOf(columns: ExportColumns): string[] {
  return [
    ...FIXED_COLUMNS,
    ...columns.experiments.map((e) => `${e.kind}_${e.name}`),
    ...columns.proxies.map((p) => `proxy_${p}`),
  ];
}
