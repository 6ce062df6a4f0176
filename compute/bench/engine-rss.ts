/**
 * Child process of the engine bench: one full-width 500/200 M 4 evaluation of the Inception-like
 * cell on the onnx engine (`nngp evaluate`'s path and defaults); prints {"mib","seconds","accuracy"}
 * with this process's peak RSS.
 */
import { evaluateCell } from '../src/nngp/evaluate-cell.ts';
import { DATASET, INCEPTION } from './engines.ts';

const evaluation = await evaluateCell(
  { hash: INCEPTION.hash(), matrix: INCEPTION.matrix, ops: INCEPTION.ops },
  {
    nTrain: 500,
    nVal: 200,
    ensemble: 4,
    dataset: DATASET,
    engine: 'onnx',
  },
);
// maxRSS is in KiB.
const mib = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ mib, seconds: evaluation.seconds, accuracy: evaluation.results[0]?.accuracy ?? null })}\n`,
);
