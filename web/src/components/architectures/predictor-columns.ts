import type { ArchitectureRow, SearchSpace } from '../../lib/api/types.ts';
import { nngpKey } from '../../lib/table-order.ts';

/** A predictor column of the architectures table: plain data, so it crosses to the client. */
export type PredictorColumn = { key: string; label: string } & (
  | { kind: 'truth' }
  | { kind: 'training'; epochs: number }
  | { kind: 'proxy'; proxy: string }
  | { kind: 'nngp'; nTrain: number; nVal: number; ensemble: number }
);

/** An NNGP configuration as experiments list them. */
interface Configuration {
  nTrain: number;
  nVal: number;
  ensemble: number;
}

/**
 * The table's predictor columns: ground truth, each NNGP configuration of `experiment` (largest
 * first; none without an experiment), then on NAS-Bench-101 4- and 12-epoch training (repeat 0)
 * and `proxy`; MNAS networks have neither, and their ground truth is the reward.
 *
 * @example predictorColumns({ id: '1', config: { nTrain: 100, nVal: 100, ensemble: 2, configs: [] } }, 'zen_score', 'NASBENCH_101').length // 5
 */
export function predictorColumns(
  experiment: { id: string; config: Configuration & { configs: Configuration[] } } | null,
  proxy: string,
  space: SearchSpace,
): PredictorColumn[] {
  const configurations =
    experiment === null ? [] : distinct([experiment.config, ...experiment.config.configs]);
  const truth: PredictorColumn =
    space === 'MNAS'
      ? { key: 'GROUND_TRUTH', label: 'Reward', kind: 'truth' }
      : { key: 'GROUND_TRUTH', label: 'Ground truth', kind: 'truth' };
  const nngp = configurations.map(
    (c): PredictorColumn => ({
      key: nngpKey(experiment?.id ?? '', c),
      label: `NNGP ${c.nTrain}/${c.nVal}/${c.ensemble}`,
      kind: 'nngp',
      nTrain: c.nTrain,
      nVal: c.nVal,
      ensemble: c.ensemble,
    }),
  );
  if (space === 'MNAS') return [truth, ...nngp];
  return [
    truth,
    ...nngp,
    { key: 'TRAINING:4', label: '4 epochs', kind: 'training', epochs: 4 },
    { key: 'TRAINING:12', label: '12 epochs', kind: 'training', epochs: 12 },
    { key: `PROXY:${proxy}`, label: proxy, kind: 'proxy', proxy },
  ];
}

/** Configurations without repeats, largest (training set, then validation, then ensemble) first. */
function distinct(configurations: Configuration[]): Configuration[] {
  const byKey = new Map(configurations.map((c) => [`${c.nTrain}/${c.nVal}/${c.ensemble}`, c]));
  return [...byKey.values()].sort(
    (a, b) => b.nTrain - a.nTrain || b.nVal - a.nVal || b.ensemble - a.ensemble,
  );
}

/**
 * A row's value in a predictor column; null where it has none.
 *
 * @example predictorValue(row, { key: 'TRAINING:4', label: '4 epochs', kind: 'training', epochs: 4 })
 */
export function predictorValue(row: ArchitectureRow, column: PredictorColumn): number | null {
  switch (column.kind) {
    case 'truth':
      return row.groundTruth ?? null;
    case 'training': {
      const runs = column.epochs === 4 ? row.training4 : row.training12;
      return runs.find((r) => r.repeat === 0)?.validationAccuracy ?? null;
    }
    case 'proxy':
      return row.proxies.find((p) => p.name === column.proxy)?.value ?? null;
    case 'nngp':
      return (
        row.nngp?.find(
          (r) =>
            r.kind === 'NNGP' &&
            r.nTrain === column.nTrain &&
            r.nVal === column.nVal &&
            r.ensemble === column.ensemble,
        )?.accuracy ?? null
      );
  }
}
