import { query } from './client.ts';
import { FIG7 } from './documents.ts';
import type { Fig7, NngpConfigShapeInput, RewardInput } from './types.ts';

/** What Fig. 7 is computed with; each is the API's default when left out. */
export interface Fig7Options {
  /** Networks per selection (API default 10). */
  k?: number;
  /** Seed of the random selection (API default 0). */
  seed?: number;
  /** The NNGP configuration of the experiment (API default: its largest). */
  config?: NngpConfigShapeInput;
  /** The reward's T and w (API default: MnasNet's 75 ms and −0.07). */
  reward?: RewardInput;
}

/**
 * Paper Fig. 7 of an MNAS experiment: its top-k selections by NNGP, 5-epoch accuracy, reward
 * and at random with their final accuracies, and NNGP's τ and r with the reward and the 5-epoch
 * accuracy. A NAS-Bench-101 experiment, or one without measured networks, is the API's
 * BAD_USER_INPUT (thrown as ApiError, for the figure's error state).
 *
 * @example const fig7 = await loadFig7('3', { k: 10 }); fig7.selections[0]?.meanFinal
 */
export async function loadFig7(experiment: string, options: Fig7Options = {}): Promise<Fig7> {
  const data = await query(FIG7, {
    experiment,
    config: options.config ?? null,
    k: options.k ?? null,
    seed: options.seed ?? null,
    reward: options.reward ?? null,
  });
  return data.fig7;
}
