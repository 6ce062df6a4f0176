import type { NngpConfig } from './configs.ts';
import type { SeedKernel } from './seed-kernel.ts';

/**
 * The kernel of a smaller configuration, in float64: the first `ensemble` seeds averaged
 * (K = Σ ΦΦᵀ / M) over the leading n_t × n_t and n_v × n_t blocks (subsets are nested prefixes).
 *
 * @example const { kTrainTrain, kValTrain } = ensembleKernel(seeds, { nTrain: 100, nVal: 200, ensemble: 2 });
 */
export function ensembleKernel(
  seeds: readonly SeedKernel[],
  config: NngpConfig,
): { kTrainTrain: Float64Array; kValTrain: Float64Array } {
  const { nTrain, nVal, ensemble } = config;
  if (ensemble > seeds.length)
    throw new RangeError(`ensemble ${ensemble} needs ${ensemble} seeds, have ${seeds.length}`);
  const kTrainTrain = new Float64Array(nTrain * nTrain);
  const kValTrain = new Float64Array(nVal * nTrain);
  for (const seed of seeds.slice(0, ensemble)) {
    if (seed.nTrain < nTrain || seed.nVal < nVal) {
      throw new RangeError(`a ${seed.nTrain}/${seed.nVal} kernel cannot serve ${nTrain}/${nVal}`);
    }
    for (let i = 0; i < nTrain; i++) {
      const row = i * seed.nTrain;
      const out = i * nTrain;
      for (let j = 0; j < nTrain; j++) {
        kTrainTrain[out + j] =
          (kTrainTrain[out + j] as number) + (seed.kTrainTrain[row + j] as number) / ensemble;
      }
    }
    for (let v = 0; v < nVal; v++) {
      const row = v * seed.nTrain;
      const out = v * nTrain;
      for (let j = 0; j < nTrain; j++) {
        kValTrain[out + j] =
          (kValTrain[out + j] as number) + (seed.kValTrain[row + j] as number) / ensemble;
      }
    }
  }
  return { kTrainTrain, kValTrain };
}
