import type { Database } from '@nngp-nas/db';
import { configsWithin, type NngpConfig } from './configs.ts';
import { inferConfigs } from './evaluate.ts';
import { loadNngpData } from './nngp-data.ts';
import { findExperiment, loadSeedKernels, saveResults } from './store/index.ts';

/** The experiment cannot serve what was asked (unknown, or its kernels were not kept). */
export class ReinferError extends Error {
  override name = 'ReinferError';
}

/**
 * Recomputes NNGP results of every architecture of an experiment from its stored per-seed kernels:
 * new (smaller) configurations or another regularizer grid, with no forward pass. The labels come
 * from the experiment's own seeded draw.
 *
 * @example await reinferExperiment(database, 'notebook', { configs: [{ nTrain: 50, nVal: 100, ensemble: 1 }] });
 */
export async function reinferExperiment(
  database: Database,
  name: string,
  options: {
    configs?: NngpConfig[];
    regularizers?: number[];
    onStart?: (architectures: number) => void;
    onArchitecture?: (done: number) => void;
  } = {},
): Promise<{ experiment: string; architectures: number; results: number }> {
  const experiment = await findExperiment(database.pool, name);
  if (experiment === undefined) throw new ReinferError(`no experiment named '${name}'`);
  if (experiment.retention !== 'all') {
    throw new ReinferError(
      `experiment '${name}' kept ${experiment.retention === 'none' ? 'no kernels' : 'only the ensemble kernel'} (retention ${experiment.retention}); per-seed kernels are needed`,
    );
  }
  const { config } = experiment;
  const largest = { nTrain: config.nTrain, nVal: config.nVal, ensemble: config.ensemble };
  const configs = options.configs ?? config.configs;
  configsWithin(largest, configs); // throws for a configuration the kernels cannot serve
  const data = await loadNngpData({
    dataset: config.dataset.includes(',') ? config.dataset.split(',') : config.dataset,
    nTrain: config.nTrain,
    nVal: config.nVal,
    ensemble: config.ensemble,
    seed: config.seed,
    bnBatchSize: config.bnBatchSize,
  });
  const { rows } = await database.pool.query<{ module_hash: string }>(
    'SELECT DISTINCT module_hash FROM nngp_kernels WHERE experiment_id = $1 AND seed >= 0 ORDER BY 1',
    [experiment.id],
  );
  options.onStart?.(rows.length);
  let results = 0;
  let done = 0;
  for (const { module_hash: hash } of rows) {
    const stored = await loadSeedKernels(database.pool, experiment.id, hash);
    const seeds = stored.filter((s) => s.seed >= 0);
    const started = performance.now();
    const computed = inferConfigs(
      seeds.map((s) => s.kernel),
      data,
      configs,
      options.regularizers,
    );
    await saveResults(database.pool, experiment.id, hash, computed, {
      engine: 'stored-kernels',
      backend: seeds[0]?.backend ?? 'unknown',
      seconds: (performance.now() - started) / 1000,
      flops: 0,
    });
    results += computed.length;
    options.onArchitecture?.(++done);
  }
  return { experiment: name, architectures: rows.length, results };
}
