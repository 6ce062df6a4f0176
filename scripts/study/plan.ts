/**
 * The paper's NAS-Bench-101 study as this project runs it (issue 14): which experiments, over
 * which architectures, in which order. Everything here is a setting; the numbers come from the
 * runs.
 */

/** One experiment of the study: an NNGP configuration and the settings of its network. */
export interface StudyExperiment {
  name: string;
  /** Kernels estimated (default the NNGP alone) and the engine of the forward passes (default onnx). */
  kernels?: ('NNGP' | 'NTK')[];
  engine?: 'onnx' | 'tfjs';
  nTrain: number;
  nVal: number;
  ensemble: number;
  stemChannels: number;
  /** Smaller configurations derived from the same kernels. */
  configs: { nTrain: number; nVal: number; ensemble: number }[];
}

/** The configurations derived at reduced width: the paper's training and validation sizes. */
function paperGrid(): StudyExperiment['configs'] {
  const grid: StudyExperiment['configs'] = [];
  for (const nTrain of [100, 250, 500])
    for (const nVal of [100, 200])
      for (const ensemble of [1, 2, 4]) grid.push({ nTrain, nVal, ensemble });
  return grid;
}

export const REDUCED_WIDTH: StudyExperiment = {
  name: 'study-stem16-500x200x4',
  nTrain: 500,
  nVal: 200,
  ensemble: 4,
  stemChannels: 16,
  configs: paperGrid(),
};

/** The reference notebook's setting at the paper's full width, on the first modules of the order. */
export const FULL_WIDTH: StudyExperiment = {
  name: 'study-stem128-100x200x2',
  nTrain: 100,
  nVal: 200,
  ensemble: 2,
  stemChannels: 128,
  configs: [{ nTrain: 100, nVal: 200, ensemble: 1 }],
};

/**
 * The empirical NTK beside the NNGP (issue 15, paper §4.1) on the first 200 modules of the order,
 * both kernels from the same data and initialisations, at the reference notebook's 100/200 ×2:
 * the NTK's gradient products cost P·n_t(n_t + n_v) per seed, so its data sizes stay small. On
 * TensorFlow.js (gradients), one seed per worker thread.
 */
export const NTK: StudyExperiment = {
  name: 'study-ntk-stem16-100x200x2',
  kernels: ['NNGP', 'NTK'],
  engine: 'tfjs',
  nTrain: 100,
  nVal: 200,
  ensemble: 2,
  stemChannels: 16,
  configs: [
    { nTrain: 100, nVal: 100, ensemble: 1 },
    { nTrain: 100, nVal: 100, ensemble: 2 },
    { nTrain: 100, nVal: 200, ensemble: 1 },
  ],
};

/**
 * Stages, run in order: each queues the experiment's architectures up to `upTo` of the seeded
 * order (those done or queued are skipped) and waits until they are done. The full-width set is
 * the first 200 of the same order, so both widths meet on identical modules.
 */
export const STAGES: { experiment: StudyExperiment; upTo: number }[] = [
  { experiment: REDUCED_WIDTH, upTo: 500 },
  { experiment: FULL_WIDTH, upTo: 200 },
  { experiment: REDUCED_WIDTH, upTo: 2_000 },
  { experiment: NTK, upTo: 200 },
  { experiment: REDUCED_WIDTH, upTo: 10_302 },
];

/** The seed of the architectures' order: md5(seed ‖ hash) ascending. */
export const ORDER_SEED = 'nngp-study-0';
