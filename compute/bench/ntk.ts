/**
 * `pnpm bench` NTK figures: seconds per architecture of the empirical NTK beside the NNGP, side
 * by side in one process on the same cell, data and initialisations (the Inception-like cell at
 * stem 16, the study's NTK setting 100/200 ×2, tfjs on the backend that starts, one thread), the
 * measured FLOP rates, and the cost model's NTK-to-NNGP ratio at full width (what the figures'
 * cost axes use).
 *
 *   tsx compute/bench/main.ts --ntk    # only these figures
 */
import { nngpFlops, ntkFlops } from '../src/metrics/index.ts';
import { DEFAULT_SHAPE } from '../src/nasbench/index.ts';
import { startBackend } from '../src/network/tfjs/index.ts';
import { evaluateCell } from '../src/nngp/evaluate-cell.ts';
import { DATASET, INCEPTION } from './engines.ts';
import type { Figure } from './figure.ts';

const SETTING = { nTrain: 100, nVal: 200, ensemble: 2 };

export async function benchNtk(report: (f: Figure) => void): Promise<void> {
  const backend = await startBackend();
  const cell = { hash: INCEPTION.hash(), matrix: INCEPTION.matrix, ops: [...INCEPTION.ops] };
  const evaluation = await evaluateCell(cell, {
    ...SETTING,
    stemChannels: 16,
    dataset: DATASET,
    engine: 'tfjs',
    kernels: ['nngp', 'ntk'],
  });
  const ntk = evaluation.ntk;
  if (ntk === undefined) throw new Error('the evaluation returned no NTK');
  const note = `Inception-like cell, stem 16, 100/200 ×2, tfjs ${backend}, one thread`;
  report({ name: 'NNGP: seconds per architecture', value: evaluation.seconds, unit: 's', note });
  report({ name: 'NTK: seconds per architecture', value: ntk.seconds, unit: 's', note });
  report({ name: 'NTK / NNGP: seconds', value: ntk.seconds / evaluation.seconds, unit: '×' });
  report({
    name: 'NTK: GFLOP/s (passes + gradient products)',
    value: ntk.flops / ntk.seconds / 1e9,
    unit: 'GFLOP/s',
  });
  report({
    name: 'NNGP: GFLOP/s (forward passes)',
    value: evaluation.flops / evaluation.seconds / 1e9,
    unit: 'GFLOP/s',
  });
  const full = { inference: INCEPTION.flops(), parameters: INCEPTION.trainableParameters() };
  report({
    name: 'cost model at full width: NTK / NNGP',
    value: ntkFlops(SETTING, full.inference, full.parameters) / nngpFlops(SETTING, full.inference),
    unit: '×',
    note: `F_inf ${(full.inference / 1e9).toFixed(2)} GFLOPs, P ${full.parameters.toLocaleString('en-US')}, stem ${DEFAULT_SHAPE.stemChannels}`,
  });
}
