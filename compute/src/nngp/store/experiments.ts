import type { ExperimentConfig, KernelKind, Queryable } from '@nngp-nas/db';
import type { Retention } from '../evaluate.ts';
import type { KernelDtype } from '../seed-kernel.ts';

/** An experiment name reused with settings other than the ones it was run with. */
export class ExperimentConflictError extends Error {
  override name = 'ExperimentConflictError';
}

export interface Experiment {
  id: number;
  name: string;
  config: ExperimentConfig;
  retention: Retention;
  precision: KernelDtype;
}

/** Settings that change the kernels: a stored experiment must match them to be continued. */
const KERNEL_SETTINGS = [
  'space',
  'nTrain',
  'nVal',
  'ensemble',
  'seed',
  'stemChannels',
  'stacks',
  'modulesPerStack',
  'dataset',
  'bnBatchSize',
] as const;

/**
 * The experiment `name`, created when new. Continuing one (to resume, or to add architectures)
 * requires the same kernel settings; its lists of derived configurations and of kernel kinds grow
 * with new ones (an NNGP experiment can add the NTK of its architectures).
 *
 * @example const experiment = await ensureExperiment(pool, 'notebook', config, 'all', 'float32');
 */
export async function ensureExperiment(
  db: Queryable,
  name: string,
  config: ExperimentConfig,
  retention: Retention,
  precision: KernelDtype,
): Promise<Experiment> {
  // Look first: every INSERT … ON CONFLICT takes a sequence value even when it inserts nothing,
  // and each of an experiment's jobs comes through here.
  let stored = await findExperiment(db, name);
  if (stored === undefined) {
    const inserted = await db.query<{ id: number }>(
      `INSERT INTO nngp_experiments (name, config, retention, precision) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [name, JSON.stringify(config), retention, precision],
    );
    if (inserted.rows[0]) return { id: inserted.rows[0].id, name, config, retention, precision };
    // Another process created it in between.
    stored = await findExperiment(db, name);
    if (stored === undefined) throw new Error(`experiment ${name} vanished while being created`);
  }
  const differences = KERNEL_SETTINGS.filter((k) => stored.config[k] !== config[k]).map(
    (k) => `${k} ${stored.config[k]} (stored) vs ${config[k]}`,
  );
  const storedMnas = JSON.stringify(stored.config.mnas ?? null);
  if (storedMnas !== JSON.stringify(config.mnas ?? null))
    differences.push(
      `MNAS images ${storedMnas} (stored) vs ${JSON.stringify(config.mnas ?? null)}`,
    );
  if (stored.retention !== retention)
    differences.push(`retention ${stored.retention} (stored) vs ${retention}`);
  if (stored.precision !== precision)
    differences.push(`precision ${stored.precision} (stored) vs ${precision}`);
  if (differences.length > 0) {
    throw new ExperimentConflictError(
      `experiment '${name}' exists with other settings: ${differences.join(', ')}; choose another --experiment name`,
    );
  }
  const key = (c: { nTrain: number; nVal: number; ensemble: number }) =>
    `${c.nTrain}x${c.nVal}x${c.ensemble}`;
  const configs = new Map(stored.config.configs.map((c) => [key(c), c]));
  for (const c of config.configs) configs.set(key(c), c);
  const kernels = [...new Set([...experimentKernels(stored.config), ...experimentKernels(config)])];
  const merged = {
    ...stored.config,
    configs: [...configs.values()],
    ...(kernels.includes('ntk') ? { kernels } : {}),
  };
  await db.query('UPDATE nngp_experiments SET config = $2 WHERE id = $1', [
    stored.id,
    JSON.stringify(merged),
  ]);
  return { ...stored, config: merged };
}

export async function findExperiment(db: Queryable, name: string): Promise<Experiment | undefined> {
  const { rows } = await db.query<{
    id: number;
    name: string;
    config: ExperimentConfig;
    retention: Retention;
    precision: KernelDtype;
  }>('SELECT id, name, config, retention, precision FROM nngp_experiments WHERE name = $1', [name]);
  return rows[0];
}

/**
 * The kernel kinds an experiment estimates (its config's `kernels`; the NNGP alone for
 * experiments made before the NTK).
 *
 * @example experimentKernels({ ...config, kernels: ['nngp', 'ntk'] }) // ['nngp', 'ntk']
 */
export function experimentKernels(config: Pick<ExperimentConfig, 'kernels'>): KernelKind[] {
  return config.kernels ?? ['nngp'];
}

/**
 * The kernel whose result at the largest configuration marks an architecture of the experiment
 * evaluated: the NTK when the experiment estimates it (an evaluation stores both kernels' results
 * in one transaction, and one that adds the NTK to an NNGP experiment is not done without it),
 * else the NNGP.
 *
 * @example completingKernel({ kernels: ['nngp', 'ntk'] }) // 'ntk'
 */
export function completingKernel(config: Pick<ExperimentConfig, 'kernels'>): KernelKind {
  return experimentKernels(config).includes('ntk') ? 'ntk' : 'nngp';
}
