import { type Fig7Report, fig7Report, type MnasResult } from '../../mnas/index.ts';
import type { RewardOptions } from '../../mnas/reward.ts';
import type { NngpConfig } from '../../nngp/configs.ts';

const percent = (v: number | null) => (v === null ? '—' : (100 * v).toFixed(2));
const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(3));

/** The Fig. 7 report of `nngp mnas fig7`, with its text lines. */
export function runFig7(options: {
  nngp: MnasResult[];
  nngpFile: string;
  measurementsText: string;
  measurementsFile: string;
  config?: NngpConfig;
  k: number;
  seed: number;
  reward: RewardOptions;
}): Fig7Report & { lines: string[] } {
  const report = fig7Report(options.nngp, options.measurementsText, options.measurementsFile, {
    k: options.k,
    seed: options.seed,
    reward: options.reward,
    ...(options.config ? { config: options.config } : {}),
  });
  return { ...report, lines: describeFig7(report) };
}

/** The text lines of a Fig. 7 analysis (of files, or of an experiment in the database). */
export function describeFig7(
  r: Pick<
    Fig7Report,
    | 'config'
    | 'networks'
    | 'measuredOnly'
    | 'nngpOnly'
    | 'reward'
    | 'nngpVsReward'
    | 'nngpVsAccuracy5'
    | 'k'
    | 'selections'
  >,
): string[] {
  const { nTrain, nVal, ensemble } = r.config;
  const interval = (i: { low: number; high: number } | null | undefined) =>
    i ? ` [${fixed(i.low)}, ${fixed(i.high)}]` : '';
  const lines = [
    `networks: ${r.networks} with NNGP ${nTrain}/${nVal} ×${ensemble} and measurements (${r.measuredOnly} measured only, ${r.nngpOnly} NNGP only)`,
    `reward: ACC × (LAT / ${r.reward.targetLatencyMs} ms)^${r.reward.exponent}`,
    `NNGP vs reward: τ ${fixed(r.nngpVsReward.kendallTau)}${interval(r.nngpVsReward.intervals?.kendallTau)}, r ${fixed(r.nngpVsReward.pearson)}${interval(r.nngpVsReward.intervals?.pearson)}`,
    `NNGP vs 5-epoch accuracy: τ ${fixed(r.nngpVsAccuracy5.kendallTau)}, r ${fixed(r.nngpVsAccuracy5.pearson)}`,
    `top ${r.k} by       mean final %  best final %  without final`,
  ];
  for (const s of r.selections)
    lines.push(
      `${s.name.padEnd(14)} ${percent(s.meanFinal).padStart(12)}  ${percent(s.bestFinal).padStart(12)}  ${String(s.missingFinal).padStart(13)}`,
    );
  return lines;
}
