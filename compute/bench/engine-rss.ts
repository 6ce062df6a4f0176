/**
 * Child process of the engine bench: one full-width 500/200 M 4 evaluation of the Inception-like
 * cell on the onnx engine; prints {"mib","seconds","accuracy"} with this process's peak RSS.
 */
import { DEFAULT_SHAPE } from '../src/nasbench/index.ts';
import { evaluateArchitecture } from '../src/nngp/evaluate.ts';
import { loadNngpData } from '../src/nngp/nngp-data.ts';
import { DATASET, INCEPTION } from './engines.ts';

const data = await loadNngpData({
  dataset: DATASET,
  nTrain: 500,
  nVal: 200,
  ensemble: 4,
  seed: 0,
  bnBatchSize: 128,
});
const evaluation = await evaluateArchitecture(
  { hash: INCEPTION.hash(), matrix: INCEPTION.matrix, ops: [...INCEPTION.ops] },
  data,
  null,
  {
    shape: DEFAULT_SHAPE,
    configs: [{ nTrain: 500, nVal: 200, ensemble: 4 }],
    batchSize: 50,
    retention: 'all',
    dtype: 'float32',
    engine: 'onnx',
  },
);
// maxRSS is in KiB.
const mib = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ mib, seconds: evaluation.seconds, accuracy: evaluation.results[0]?.accuracy ?? null })}\n`,
);
