import type { Fig7Correlation as Correlation } from '@nngp-nas/compute/mnas';
import { Fig7InputError, loadFig7, type StoredFig7 } from '@nngp-nas/compute/mnas/store';
import type { Db } from '@nngp-nas/db';
import { parseExperimentId } from '../architectures/filter.ts';
import { badUserInput } from '../errors.ts';
import type {
  Fig7Correlation,
  Fig7SelectionName,
  QueryFig7Args,
} from '../generated/resolvers-types.ts';
import type { Fig7Model } from '../models/fig7.ts';

/** Most networks per selection: Fig. 7 compares top-10s. */
export const MAX_FIG7_K = 100;

const SELECTION_NAMES = {
  nngp: 'NNGP',
  accuracy5: 'ACCURACY_5',
  reward: 'REWARD',
  random: 'RANDOM',
} as const satisfies Record<string, Fig7SelectionName>;

/**
 * `Query.fig7` (paper Fig. 7): compute/mnas/store's loadFig7, the definition `nngp mnas fig7
 * --experiment` prints, in the API's shape. Bad arguments and an experiment it cannot analyse
 * are BAD_USER_INPUT naming the argument.
 *
 * @example await fig7Result(db, { experiment: '4', k: 10, seed: 0 })
 */
export async function fig7Result(db: Db, args: QueryFig7Args): Promise<Fig7Model> {
  const experimentId = parseExperimentId(args.experiment, 'experiment');
  const k = args.k ?? 10;
  if (!Number.isInteger(k) || k < 1 || k > MAX_FIG7_K)
    throw badUserInput(`k must be between 1 and ${MAX_FIG7_K}, got ${k}`, 'k');
  const seed = args.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0)
    throw badUserInput(`seed ${seed} is negative, expected an integer ≥ 0`, 'seed');
  let fig7: StoredFig7;
  try {
    fig7 = await loadFig7(db, {
      experimentId,
      k,
      seed,
      ...(args.config ? { config: args.config } : {}),
      reward: {
        ...(args.reward?.targetLatencyMs == null
          ? {}
          : { targetLatencyMs: args.reward.targetLatencyMs }),
        ...(args.reward?.exponent == null ? {} : { exponent: args.reward.exponent }),
      },
    });
  } catch (error) {
    if (error instanceof Fig7InputError) throw badUserInput(error.message, 'experiment');
    if (error instanceof RangeError) throw badUserInput(error.message, 'reward');
    throw error;
  }
  return {
    experimentId,
    config: fig7.config,
    reward: fig7.reward,
    networks: fig7.networks,
    k: fig7.k,
    measuredOnly: fig7.measuredOnly,
    nngpOnly: fig7.nngpOnly,
    selections: fig7.selections.map((s) => ({
      name: SELECTION_NAMES[s.name],
      networks: s.positions.map((p) => {
        const n = fig7.networksIn[p] as StoredFig7['networksIn'][number];
        return {
          hash: n.hash,
          encoding: n.encoding,
          nngpAccuracy: n.nngp,
          accuracy5Epoch: n.accuracy5,
          latencyMs: n.latencyMs,
          reward: fig7.rewards[p] as number,
          finalAccuracy: n.finalAccuracy,
        };
      }),
      meanFinal: s.meanFinal,
      bestFinal: s.bestFinal,
      missingFinal: s.missingFinal,
    })),
    nngpVsReward: correlation(fig7.nngpVsReward),
    nngpVsAccuracy5: correlation(fig7.nngpVsAccuracy5),
  };
}

function correlation(c: Correlation): Fig7Correlation {
  return {
    kendallTau: c.kendallTau,
    pearson: c.pearson,
    kendallTauInterval: c.intervals?.kendallTau ?? null,
    pearsonInterval: c.intervals?.pearson ?? null,
  };
}
