import { readFile } from 'node:fs/promises';
import type { Database } from '@nngp-nas/db';
import { MeasurementsError, measuredNetwork, parseMeasurements } from '../measurements.ts';
import {
  MNAS_LATENCY_EXPONENT,
  MNAS_TARGET_LATENCY_MS,
  mnasReward,
  type RewardOptions,
} from '../reward.ts';
import type { MnasSpec } from '../spec.ts';
import { upsertMnasNetworks } from './networks.ts';

export interface MeasurementsImport {
  /** Measured networks in the file. */
  networks: number;
  /** Networks the import added to the architectures (the rest were stored already). */
  newNetworks: number;
  /** Measurement rows written (new, or changed since the last import). */
  written: number;
  reward: Required<RewardOptions>;
}

/**
 * Imports a measured-results CSV (parseMeasurements: encoding and/or hash, accuracy_5epoch,
 * latency_ms, final_accuracy) into `mnas_measurements`, with each network's reward
 * ACC × (LAT / T)^w computed by mnasReward and the T and w stored beside it. Networks given by
 * encoding are stored when new; one given by hash alone must be stored already. Every line is
 * checked before anything is written, and the import is one transaction: a bad file names its
 * line and leaves the stored data as it was. Importing the same file again changes nothing.
 *
 * @example await importMnasMeasurements(database, 'mnas.csv', { targetLatencyMs: 75, exponent: -0.07 })
 */
export async function importMnasMeasurements(
  database: Database,
  file: string,
  rewardOptions: RewardOptions = {},
): Promise<MeasurementsImport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MeasurementsError(`${file}: cannot be read (${(error as Error).message})`);
  }
  const reward = {
    targetLatencyMs: rewardOptions.targetLatencyMs ?? MNAS_TARGET_LATENCY_MS,
    exponent: rewardOptions.exponent ?? MNAS_LATENCY_EXPONENT,
  };
  const measurements = parseMeasurements(text, file);
  if (measurements.length === 0) throw new MeasurementsError(`${file}: no measured network`);
  const networks = measurements.map((m) => ({ m, ...measuredNetwork(m, file) }));
  const rewards = networks.map(({ m }) => {
    try {
      return mnasReward(m.accuracy5, m.latencyMs, reward);
    } catch (error) {
      throw new MeasurementsError(`${file}:${m.line}: ${(error as Error).message}`);
    }
  });
  const specs = networks.map((n) => n.spec).filter((s): s is MnasSpec => s !== null);

  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const newNetworks = await upsertMnasNetworks(client, specs);
    const byHashOnly = networks.filter((n) => n.spec === null);
    if (byHashOnly.length > 0) {
      const { rows } = await client.query<{ hash: string }>(
        `SELECT hash FROM architectures WHERE space = 'mnas' AND hash = ANY($1::text[])`,
        [byHashOnly.map((n) => n.hash)],
      );
      const stored = new Set(rows.map((r) => r.hash));
      const unknown = byHashOnly.find((n) => !stored.has(n.hash));
      if (unknown)
        throw new MeasurementsError(
          `${file}:${unknown.m.line}: hash ${unknown.hash} is not a stored MNAS network; give its encoding`,
        );
    }
    const result = await client.query(
      `INSERT INTO mnas_measurements (module_hash, accuracy_5epoch, latency_ms, final_accuracy, reward,
                                      target_latency_ms, latency_exponent, source)
       SELECT h, a, l, f, r, $6, $7, $8
         FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[], $5::float8[]) AS t(h, a, l, f, r)
       ON CONFLICT (module_hash) DO UPDATE SET
         accuracy_5epoch = EXCLUDED.accuracy_5epoch, latency_ms = EXCLUDED.latency_ms,
         final_accuracy = EXCLUDED.final_accuracy, reward = EXCLUDED.reward,
         target_latency_ms = EXCLUDED.target_latency_ms, latency_exponent = EXCLUDED.latency_exponent,
         source = EXCLUDED.source, imported_at = now()
        WHERE (mnas_measurements.accuracy_5epoch, mnas_measurements.latency_ms, mnas_measurements.final_accuracy,
               mnas_measurements.reward, mnas_measurements.target_latency_ms,
               mnas_measurements.latency_exponent, mnas_measurements.source)
              IS DISTINCT FROM (EXCLUDED.accuracy_5epoch, EXCLUDED.latency_ms, EXCLUDED.final_accuracy,
               EXCLUDED.reward, EXCLUDED.target_latency_ms, EXCLUDED.latency_exponent, EXCLUDED.source)`,
      [
        networks.map((n) => n.hash),
        networks.map(({ m }) => m.accuracy5),
        networks.map(({ m }) => m.latencyMs),
        networks.map(({ m }) => m.finalAccuracy),
        rewards,
        reward.targetLatencyMs,
        reward.exponent,
        file,
      ],
    );
    await client.query('COMMIT');
    return { networks: networks.length, newNetworks, written: result.rowCount ?? 0, reward };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
