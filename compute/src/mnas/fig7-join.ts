import type { NngpConfig } from '../nngp/configs.ts';
import { type Fig7Analysis, type Fig7Input, fig7Analysis } from './fig7.ts';
import { MeasurementsError, type MnasMeasurement, parseMeasurements } from './measurements.ts';
import type { MnasResult } from './nngp-results.ts';
import {
  MNAS_LATENCY_EXPONENT,
  MNAS_TARGET_LATENCY_MS,
  mnasReward,
  type RewardOptions,
} from './reward.ts';
import { MnasSpec } from './spec.ts';

export interface Fig7JoinOptions {
  /** The NNGP configuration to read (default the file's first, the evaluation's largest). */
  config?: NngpConfig;
  reward?: RewardOptions;
  k?: number;
  seed?: number;
}

/** Fig. 7 on the networks both files cover, with who they are and what was left out. */
export interface Fig7Report extends Fig7Analysis {
  config: NngpConfig;
  reward: Required<RewardOptions>;
  hashes: string[];
  encodings: string[];
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
  const reward = {
    targetLatencyMs: options.reward?.targetLatencyMs ?? MNAS_TARGET_LATENCY_MS,
    exponent: options.reward?.exponent ?? MNAS_LATENCY_EXPONENT,
  };
  const joined: { result: MnasResult; measured: MnasMeasurement }[] = [];
  const measurements = parseMeasurements(measurementsText, measurementsFile);
  for (const measured of measurements) {
    const result = atConfig.get(measuredHash(measured, measurementsFile));
    if (result) joined.push({ result, measured });
  }
  if (joined.length === 0)
    throw new MeasurementsError(
      `${measurementsFile}: none of its ${measurements.length} networks has an NNGP accuracy at ${config.nTrain}/${config.nVal} ×${config.ensemble}`,
    );
  const input: Fig7Input = {
    nngp: joined.map((j) => j.result.accuracy as number),
    accuracy5: joined.map((j) => j.measured.accuracy5),
    reward: joined.map((j) => mnasReward(j.measured.accuracy5, j.measured.latencyMs, reward)),
    finalAccuracy: joined.map((j) => j.measured.finalAccuracy),
  };
  return {
    ...fig7Analysis(input, {
      k: Math.min(options.k ?? 10, joined.length),
      seed: options.seed ?? 0,
      bootstrap: { seed: options.seed ?? 0 },
    }),
    config: { nTrain: config.nTrain, nVal: config.nVal, ensemble: config.ensemble },
    reward,
    hashes: joined.map((j) => j.result.hash),
    encodings: joined.map((j) => j.result.encoding),
    measuredOnly: measurements.length - joined.length,
    nngpOnly: atConfig.size - joined.length,
  };
}

function measuredHash(m: MnasMeasurement, file: string): string {
  if (m.encoding === null) return m.hash as string;
  let spec: MnasSpec;
  try {
    spec = MnasSpec.parse(m.encoding);
  } catch (error) {
    throw new MeasurementsError(`${file}:${m.line}: encoding: ${(error as Error).message}`);
  }
  if (m.hash !== null && m.hash !== spec.hash())
    throw new MeasurementsError(
      `${file}:${m.line}: hash ${m.hash} is not the encoding's (${spec.hash()})`,
    );
  return spec.hash();
}
