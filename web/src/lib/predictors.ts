import type { ExperimentSummary, NngpConfig, PredictorInput, SearchSpace } from './api/types.ts';
import type { DashboardFilter } from './filters/index.ts';

/** What a predictor is, for colours and grouping in the charts. */
export type PredictorFamily = 'training' | 'nngp' | 'ntk' | 'model-size' | 'proxy' | 'hybrid';

/** The kernel of an NNGP-family predictor: the NNGP's, or the empirical NTK's. */
export type Kernel = 'NNGP' | 'NTK';

/** A predictor the dashboard asks the API about, with the label the API will echo back. */
export interface PredictorSpec {
  label: string;
  family: PredictorFamily;
  input: PredictorInput;
}

/** The shortened-training budgets the paper compares against (Fig. 1-3). */
export const SHORT_TRAINING_EPOCHS = [4, 12, 36] as const;

/**
 * Training at `epochs`: final validation accuracy of repeat 0, the API's default (one run).
 *
 * @example trainingPredictor(12).label // '12 epochs'
 */
export function trainingPredictor(epochs: number): PredictorSpec {
  const label = `${epochs} epochs`;
  return { label, family: 'training', input: { kind: 'TRAINING', epochs, name: label } };
}

/**
 * The training predictors a search space has at `epochs`: NAS-Bench-101's training records; none
 * for MNAS, whose networks have no training records (their 5-epoch accuracy is a measurement,
 * part of the ground truth's reward).
 *
 * @example trainingPredictors('MNAS') // []
 */
export function trainingPredictors(
  space: SearchSpace,
  epochs: readonly number[] = SHORT_TRAINING_EPOCHS,
): PredictorSpec[] {
  return space === 'MNAS' ? [] : epochs.map(trainingPredictor);
}

/**
 * An imported zero-cost proxy.
 *
 * @example proxyPredictor('zen_score').label // 'zen_score'
 */
export function proxyPredictor(proxy: string): PredictorSpec {
  return { label: proxy, family: 'proxy', input: { kind: 'PROXY', proxy, name: proxy } };
}

/** The trainable-parameter count as a predictor. */
export const MODEL_SIZE_PREDICTOR: PredictorSpec = {
  label: 'model size',
  family: 'model-size',
  input: { kind: 'MODEL_SIZE', name: 'model size' },
};

/**
 * An experiment's configurations: the largest (its own) and the smaller ones derived from its
 * kernels, without duplicates, smallest first.
 *
 * @example experimentConfigs(experiment) // [{ nTrain: 50, nVal: 100, ensemble: 1 }, { nTrain: 100, ... }]
 */
export function experimentConfigs(experiment: ExperimentSummary): NngpConfig[] {
  const { nTrain, nVal, ensemble } = experiment.config;
  const all = [{ nTrain, nVal, ensemble }, ...experiment.config.configs];
  const unique = new Map(all.map((c) => [`${c.nTrain}/${c.nVal}/${c.ensemble}`, c]));
  return [...unique.values()].sort(
    (a, b) => a.nTrain * a.ensemble - b.nTrain * b.ensemble || a.nVal - b.nVal,
  );
}

/**
 * Label of an NNGP (or empirical-NTK) configuration, e.g. `NNGP 100/200 ×2`; with
 * `experimentName`, the experiment's name is appended (when several experiments share a chart).
 *
 * @example nngpLabel({ nTrain: 100, nVal: 200, ensemble: 2 }) // 'NNGP 100/200 ×2'
 * @example nngpLabel({ nTrain: 100, nVal: 200, ensemble: 2 }, undefined, 'NTK') // 'NTK 100/200 ×2'
 */
export function nngpLabel(
  config: NngpConfig,
  experimentName?: string,
  kernel: Kernel = 'NNGP',
): string {
  const base = `${kernel} ${config.nTrain}/${config.nVal} ×${config.ensemble}`;
  return experimentName === undefined ? base : `${base} (${experimentName})`;
}

/**
 * Predictors one `metrics` request may ask about: the API's MAX_PREDICTORS
 * (server/src/predictor-metrics/load.ts; test/api checks that the two agree).
 */
export const API_MAX_PREDICTORS = 20;

/**
 * The kernels an experiment has results of: the NNGP's, and the empirical NTK's when it adds it.
 *
 * @example experimentKernels(experiment) // ['NNGP', 'NTK']
 */
export function experimentKernels(experiment: ExperimentSummary): Kernel[] {
  return experiment.config.kernels?.length ? experiment.config.kernels : ['NNGP'];
}

/**
 * One NNGP predictor per configuration of each experiment (and one NTK predictor per
 * configuration of an experiment with the NTK); experiment names are part of the labels when
 * there are several experiments. With `budget`, at most that many: each experiment
 * gets an equal share (what one leaves unused goes to the others), filled with its
 * configurations of the largest validation set first, then the largest training set and
 * ensemble (the paper's study has 18 configurations, more than a request may hold beside
 * training).
 *
 * @example nngpPredictors([experiment]).map((p) => p.label) // ['NNGP 50/100 ×1', 'NNGP 100/100 ×1']
 */
export function nngpPredictors(
  experiments: ExperimentSummary[],
  budget = Number.POSITIVE_INFINITY,
): PredictorSpec[] {
  const named = experiments.length > 1;
  const kernels = experiments.map(experimentKernels);
  const shares = shareOut(
    experiments.map((e, i) => experimentConfigs(e).length * (kernels[i] as Kernel[]).length),
    Math.max(experiments.length > 0 ? 1 : 0, budget),
  );
  return experiments.flatMap((experiment, i) => {
    const own = kernels[i] as Kernel[];
    const configs = preferredConfigs(experiment, Math.ceil((shares[i] as number) / own.length));
    return own
      .flatMap((kernel) =>
        configs.map((config): PredictorSpec => {
          const label = nngpLabel(config, named ? experiment.name : undefined, kernel);
          return {
            label,
            family: kernel === 'NTK' ? 'ntk' : 'nngp',
            input: {
              kind: 'NNGP' as const,
              experiment: experiment.id,
              ...(kernel === 'NTK' ? { kernel } : {}),
              ...config,
              name: label,
            },
          };
        }),
      )
      .slice(0, shares[i] as number);
  });
}

/**
 * At most `count` of an experiment's configurations, cheapest first: those of the largest
 * validation set first, then the largest training sets and ensembles.
 *
 * @example preferredConfigs(experiment, 1) // [its largest configuration]
 */
export function preferredConfigs(experiment: ExperimentSummary, count: number): NngpConfig[] {
  const configs = experimentConfigs(experiment);
  const preferred = [...configs]
    .sort((a, b) => b.nVal - a.nVal || b.nTrain * b.ensemble - a.nTrain * a.ensemble)
    .slice(0, count);
  return configs.filter((config) => preferred.includes(config));
}

/** `total` shared out over wants: equal shares, unused parts of a share passed on. */
function shareOut(wants: number[], total: number): number[] {
  const shares = wants.map(() => 0);
  let left = total;
  let open = wants.map((_, i) => i);
  while (left >= 1 && open.length > 0) {
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      const add = Math.min(each, (wants[i] as number) - (shares[i] as number), left);
      shares[i] = (shares[i] as number) + add;
      left -= add;
    }
    open = open.filter((i) => (shares[i] as number) < (wants[i] as number));
  }
  return shares;
}

/**
 * How many of the experiments' NNGP configurations a figure leaves out for the request limit,
 * as a note (null when none is).
 *
 * @example omittedConfigsNote([experiment], shown) // '17 of 18 NNGP configurations shown (…)'
 */
export function omittedConfigsNote(
  experiments: ExperimentSummary[],
  shown: PredictorSpec[],
): string | null {
  const all = experiments.reduce(
    (sum, e) => sum + experimentConfigs(e).length * experimentKernels(e).length,
    0,
  );
  const nngp = shown.filter((s) => s.family === 'nngp' || s.family === 'ntk').length;
  return nngp < all
    ? `${nngp} of ${all} NNGP configurations shown (a request holds ${API_MAX_PREDICTORS} predictors): the largest validation sets, then the largest training sets and ensembles.`
    : null;
}

/**
 * Experiments whose NNGP results a view plots: the one in the URL if any, else every experiment
 * (`all`, the overview) or the newest (`newest`, views that need a single one). The API lists
 * experiments newest first. Experiments without results are left out.
 *
 * @example chosenExperiments(experiments, filter, 'newest')[0]?.id
 */
export function chosenExperiments(
  experiments: ExperimentSummary[],
  filter: DashboardFilter,
  mode: 'all' | 'newest',
): ExperimentSummary[] {
  if (filter.experiment !== null) {
    return experiments.filter((experiment) => experiment.id === filter.experiment);
  }
  const withResults = experiments.filter((experiment) => experiment.resultCount > 0);
  return mode === 'all' ? withResults : withResults.slice(0, 1);
}
