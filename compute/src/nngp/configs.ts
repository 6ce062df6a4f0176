/** One NNGP setting: training and validation subset sizes and the ensemble size M. */
export interface NngpConfig {
  nTrain: number;
  nVal: number;
  ensemble: number;
}

/** A bad configuration string or a configuration the stored kernels cannot serve. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses "100x200x1,500x200x4" (n_train x n_val x ensemble).
 *
 * @example parseConfigs('100x200x2') // [{ nTrain: 100, nVal: 200, ensemble: 2 }]
 */
export function parseConfigs(text: string): NngpConfig[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const match = /^\s*(\d+)x(\d+)x(\d+)\s*$/.exec(part);
      if (!match)
        throw new ConfigError(
          `configuration '${part}' is not NTRAINxNVALxENSEMBLE (e.g. 100x200x2)`,
        );
      const [nTrain, nVal, ensemble] = match.slice(1).map(Number) as [number, number, number];
      if (nTrain < 1 || nVal < 1 || ensemble < 1) {
        throw new ConfigError(`configuration '${part}': every size must be at least 1`);
      }
      return { nTrain, nVal, ensemble };
    });
}

export function formatConfig(c: NngpConfig): string {
  return `${c.nTrain}x${c.nVal}x${c.ensemble}`;
}

/**
 * The largest configuration plus every smaller one asked for, de-duplicated; each must fit
 * inside the largest (nested subsets, partial ensembles) so it derives from its kernels.
 */
export function configsWithin(largest: NngpConfig, smaller: readonly NngpConfig[]): NngpConfig[] {
  const all = new Map<string, NngpConfig>([[formatConfig(largest), largest]]);
  for (const c of smaller) {
    if (c.nTrain > largest.nTrain || c.nVal > largest.nVal || c.ensemble > largest.ensemble) {
      throw new ConfigError(
        `configuration ${formatConfig(c)} does not fit inside ${formatConfig(largest)}: it cannot be derived from its kernels`,
      );
    }
    all.set(formatConfig(c), c);
  }
  return [...all.values()];
}
