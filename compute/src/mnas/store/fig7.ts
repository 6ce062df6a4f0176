import type { Db, ExperimentConfig } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import type { NngpConfig } from '../../nngp/configs.ts';
import { Fig7InputError } from '../errors.ts';
import { type Fig7Network, type Fig7OfNetworks, fig7OfNetworks } from '../fig7-join.ts';
import type { RewardOptions } from '../reward.ts';

export interface StoredFig7Options {
  experimentId: number;
  /** The NNGP configuration (default the experiment's largest). */
  config?: NngpConfig;
  k?: number;
  seed?: number;
  /** T and w of the reward; by default those the measurements were imported with. */
  reward?: RewardOptions;
}

/** Fig. 7 of an MNAS experiment's stored NNGP results and the imported measurements. */
export interface StoredFig7 extends Fig7OfNetworks {
  config: NngpConfig;
  /** The networks in the analysis, by hash (selections' positions index them). */
  networksIn: Fig7Network[];
  measuredOnly: number;
  nngpOnly: number;
}

/**
 * Paper Fig. 7 from the database: the experiment's NNGP accuracies at `config` joined by hash
 * with `mnas_measurements`, analysed by fig7OfNetworks (the same definition `nngp mnas fig7`
 * applies to files). Networks are ordered by hash, so a seed draws the same random networks
 * each time. An experiment that is not MNAS, or has no measured network, is a Fig7InputError.
 *
 * @example await loadFig7(db, { experimentId: 4, k: 10 })
 */
export async function loadFig7(db: Db, options: StoredFig7Options): Promise<StoredFig7> {
  const { experimentId } = options;
  const experiments = await db.execute<{ config: ExperimentConfig }>(
    sql`SELECT config FROM nngp_experiments WHERE id = ${experimentId}`,
  );
  const experiment = experiments.rows[0];
  if (experiment === undefined)
    throw new Fig7InputError(`experiment ${experimentId} does not exist`);
  if (experiment.config.space !== 'mnas')
    throw new Fig7InputError(
      `experiment ${experimentId} is a NAS-Bench-101 experiment; Fig. 7 needs an MNAS one (pnpm nngp mnas evaluate --experiment NAME)`,
    );
  const config = options.config ?? experiment.config;
  const atConfig = sql`r.experiment_id = ${experimentId} AND r.kind = 'nngp'
    AND r.n_train = ${config.nTrain} AND r.n_val = ${config.nVal} AND r.ensemble = ${config.ensemble}
    AND r.accuracy IS NOT NULL`;
  const joined = await db.execute<{
    hash: string;
    encoding: string;
    nngp: number;
    accuracy5: number;
    latency_ms: number;
    final_accuracy: number | null;
    target_latency_ms: number;
    latency_exponent: number;
  }>(sql`
    SELECT r.module_hash AS hash, a.encoding, r.accuracy AS nngp, m.accuracy_5epoch AS accuracy5,
           m.latency_ms, m.final_accuracy, m.target_latency_ms, m.latency_exponent
      FROM nngp_results r
      JOIN mnas_measurements m ON m.module_hash = r.module_hash
      JOIN architectures a ON a.hash = r.module_hash
     WHERE ${atConfig}
     ORDER BY r.module_hash`);
  const counts = await db.execute<{ results: string; measured: string }>(sql`
    SELECT (SELECT count(*) FROM nngp_results r WHERE ${atConfig}) AS results,
           (SELECT count(*) FROM mnas_measurements) AS measured`);
  const networks: Fig7Network[] = joined.rows.map((r) => ({
    hash: r.hash,
    encoding: r.encoding,
    nngp: r.nngp,
    accuracy5: r.accuracy5,
    latencyMs: r.latency_ms,
    finalAccuracy: r.final_accuracy,
  }));
  const results = Number(counts.rows[0]?.results ?? 0);
  const measured = Number(counts.rows[0]?.measured ?? 0);
  if (networks.length === 0)
    throw new Fig7InputError(
      `experiment ${experimentId} has no network with both an NNGP accuracy at ${config.nTrain}/${config.nVal} ×${config.ensemble} (${results} results) and imported measurements (${measured}; pnpm nngp mnas import --measurements FILE)`,
    );
  return {
    ...fig7OfNetworks(networks, { ...options, reward: rewardOf(joined.rows, options.reward) }),
    config: { nTrain: config.nTrain, nVal: config.nVal, ensemble: config.ensemble },
    networksIn: networks,
    measuredOnly: measured - networks.length,
    nngpOnly: results - networks.length,
  };
}

/**
 * The reward's T and w: those asked for, the rest from the import, so that by default Fig. 7
 * ranks by the very rewards stored as the MNAS ground truth. Measurements imported with several
 * settings need them given.
 */
function rewardOf(
  rows: readonly { target_latency_ms: number; latency_exponent: number }[],
  asked: RewardOptions = {},
): RewardOptions {
  if (asked.targetLatencyMs !== undefined && asked.exponent !== undefined) return asked;
  const stored = new Set(rows.map((r) => `${r.target_latency_ms} ${r.latency_exponent}`));
  const first = rows[0];
  if (stored.size > 1 || first === undefined)
    throw new Fig7InputError(
      `the measurements were imported with ${stored.size} reward settings (T w: ${[...stored].join('; ')}): give the target latency and the exponent`,
    );
  return {
    targetLatencyMs: asked.targetLatencyMs ?? first.target_latency_ms,
    exponent: asked.exponent ?? first.latency_exponent,
  };
}
