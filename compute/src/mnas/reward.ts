/** MnasNet's latency target and exponent (Tan et al. 2019, §3: T = 75 ms on a Pixel 1, w = −0.07). */
export const MNAS_TARGET_LATENCY_MS = 75;
export const MNAS_LATENCY_EXPONENT = -0.07;

export interface RewardOptions {
  /** Target latency T in milliseconds (default 75). */
  targetLatencyMs?: number;
  /** Exponent w (default −0.07); negative, so slower than T lowers the reward. */
  exponent?: number;
}

/**
 * MnasNet's soft-constrained reward ACC × (LAT / T)^w, with one w on both sides of the target
 * (the paper's α = β = −0.07 setting).
 *
 * @example mnasReward(0.75, 78) // 0.75 × (78/75)^−0.07 = 0.74794…
 */
export function mnasReward(
  accuracy: number,
  latencyMs: number,
  options: RewardOptions = {},
): number {
  const target = options.targetLatencyMs ?? MNAS_TARGET_LATENCY_MS;
  const exponent = options.exponent ?? MNAS_LATENCY_EXPONENT;
  if (!(target > 0) || !Number.isFinite(target))
    throw new RangeError(`target latency must be a positive number of ms, got ${target}`);
  if (!Number.isFinite(exponent)) throw new RangeError(`exponent must be finite, got ${exponent}`);
  if (!(latencyMs > 0) || !Number.isFinite(latencyMs))
    throw new RangeError(`latency must be a positive number of ms, got ${latencyMs}`);
  return accuracy * (latencyMs / target) ** exponent;
}
