import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A quadratic, obviously-right τ-b: the definition pair by pair, for property tests. */
export function naiveKendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  let concordantMinusDiscordant = 0;
  let xTies = 0;
  let yTies = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign((x[i] as number) - (x[j] as number));
      const dy = Math.sign((y[i] as number) - (y[j] as number));
      if (dx === 0) xTies++;
      if (dy === 0) yTies++;
      concordantMinusDiscordant += dx * dy;
    }
  const total = (n * (n - 1)) / 2;
  if (n < 2 || xTies === total || yTies === total) return null;
  return concordantMinusDiscordant / Math.sqrt((total - xTies) * (total - yTies));
}

/** The scipy/numpy reference values (see fixtures/metrics-scipy.py). */
export interface ScipyFixture {
  versions: string;
  correlations: { name: string; x: number[]; y: number[]; kendallTau: number; pearson: number }[];
  pqetp: {
    name: string;
    truth: number[];
    predictor: number[];
    thresholds: number[];
    auroc: (number | null)[];
    percentiles: { topPercent: number; threshold: number; auroc: number }[];
  }[];
  residualBias: {
    residuals: number[];
    a: number[];
    b: number[];
    rows: {
      residualConnections: number;
      architectures: number;
      meanPercentile: Record<string, number>;
    }[];
  };
  hybrid: {
    epoch4: number[];
    nngp: number[];
    epoch12: number[];
    coefficients: { epoch4: number; nngp: number; bias: number };
    rSquared: number;
    residualStandardError: number;
  };
  quantile: { values: number[]; q: number[]; expected: number[] };
}

export const scipy: ScipyFixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'fixtures/metrics-scipy.json'), 'utf8'),
);
