import type { NngpConfig } from '../nngp/configs.ts';
import { type Fig7Analysis, type Fig7Input, fig7Analysis } from './fig7.ts';
import { MeasurementsError, measuredNetwork, parseMeasurements } from './measurements.ts';
import type { MnasResult } from './nngp-results.ts';
import {
  MNAS_LATENCY_EXPONENT,
  MNAS_TARGET_LATENCY_MS,
  mnasReward,
  type RewardOptions,
} from './reward.ts';

export interface Fig7JoinOptions {
  /** The NNGP configuration to read (default the file's first, the evaluation's largest). */
  config?: NngpConfig;
  reward?: RewardOptions;
  k?: number;
  seed?: number;
}

/** Fig. 7 on the networks both files cover, with who they are and what was left out. */
export interface Fig7Report extends Fig7OfNetworks {
  config: NngpConfig;
  /** Measured networks without an NNGP accuracy at the configuration, and the reverse. */
  measuredOnly: number;
  nngpOnly: number;
}

/**
 * Joins NNGP results with measured MNAS results by hash (a measured encoding is parsed and
 * hashed; where both are given they must agree) and runs the Fig. 7 analysis on the networks
 * both cover, the reward computed here from the measured accuracy and latency.
 *
 * @example fig7Report(await readMnasResults('nngp.csv'), readFileSync('mnas.csv', 'utf8'), 'mnas.csv', { k: 10 })
 */
export function fig7Report(
  nngp: readonly MnasResult[],
  measurementsText: string,
  measurementsFile: string,
  options: Fig7JoinOptions = {},
): Fig7Report {
  const first = nngp[0];
  if (first === undefined) throw new MeasurementsError('the NNGP results hold no network');
  const config = options.config ?? first;
  const atConfig = new Map<string, MnasResult>();
  for (const r of nngp)
    if (
      r.nTrain === config.nTrain &&
      r.nVal === config.nVal &&
      r.ensemble === config.ensemble &&
      r.accuracy !== null
    )
      atConfig.set(r.hash, r);
  const joined: Fig7Network[] = [];
  const measurements = parseMeasurements(measurementsText, measurementsFile);
  for (const measured of measurements) {
    const result = atConfig.get(measuredNetwork(measured, measurementsFile).hash);
    if (result)
      joined.push({
        hash: result.hash,
        encoding: result.encoding,
        nngp: result.accuracy as number,
        accuracy5: measured.accuracy5,
        latencyMs: measured.latencyMs,
        finalAccuracy: measured.finalAccuracy,
      });
  }
  if (joined.length === 0)
    throw new MeasurementsError(
      `${measurementsFile}: none of its ${measurements.length} networks has an NNGP accuracy at ${config.nTrain}/${config.nVal} ×${config.ensemble}`,
    );
  return {
    ...fig7OfNetworks(joined, options),
    config: { nTrain: config.nTrain, nVal: config.nVal, ensemble: config.ensemble },
    measuredOnly: measurements.length - joined.length,
    nngpOnly: atConfig.size - joined.length,
  };
}

/** One network of a Fig. 7 analysis: its NNGP accuracy and its measurements. */
export interface Fig7Network {
  hash: string;
  encoding: string;
  nngp: number;
  accuracy5: number;
  latencyMs: number;
  finalAccuracy: number | null;
}

/** Fig. 7 of networks already joined, with the reward each gets. */
export type Fig7OfNetworks = Fig7Analysis & {
  reward: Required<RewardOptions>;
  /** Of each network, in the order given (selections' positions index them). */
  hashes: string[];
  encodings: string[];
  rewards: number[];
};

/**
 * The Fig. 7 analysis of joined networks (the files' join above, the database's in
 * mnas/store): the reward computed here (mnasReward) from each 5-epoch accuracy and latency,
 * k capped at the number of networks, bootstrap intervals seeded like the random selection.
 *
 * @example fig7OfNetworks([{ hash, encoding, nngp: 0.31, accuracy5: 0.62, latencyMs: 74, finalAccuracy: 0.75 }, …], { k: 10 })
 */
export function fig7OfNetworks(
  networks: readonly Fig7Network[],
  options: Omit<Fig7JoinOptions, 'config'> = {},
): Fig7OfNetworks {
  const reward = {
    targetLatencyMs: options.reward?.targetLatencyMs ?? MNAS_TARGET_LATENCY_MS,
    exponent: options.reward?.exponent ?? MNAS_LATENCY_EXPONENT,
  };
  const rewards = networks.map((n) => mnasReward(n.accuracy5, n.latencyMs, reward));
  const input: Fig7Input = {
    nngp: networks.map((n) => n.nngp),
    accuracy5: networks.map((n) => n.accuracy5),
    reward: rewards,
    finalAccuracy: networks.map((n) => n.finalAccuracy),
  };
  return {
    ...fig7Analysis(input, {
      k: Math.min(options.k ?? 10, networks.length),
      seed: options.seed ?? 0,
      bootstrap: { seed: options.seed ?? 0 },
    }),
    reward,
    hashes: networks.map((n) => n.hash),
    encodings: networks.map((n) => n.encoding),
    rewards,
  };
}
