import { type Operation, readNasbenchRecords } from '@nngp-nas/compute/nasbench';
import { type EngineName, evaluateCell } from '@nngp-nas/compute/nngp';
import {
  type ExperimentSettingsFile,
  localDataset,
  RESULTS_DIR,
  readResultRows,
  readSettingsFile,
  resultFiles,
  settingsFilesIn,
} from '@nngp-nas/compute/results';
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../../compute/test/support/fixtures.ts';

// The committed study results are seeded runs: a few of them, evaluated again from scratch at the
// settings their experiment file records, give the same accuracies in every configuration. A
// change to the data draw, the network, its initialisation or the inference fails here.
// Per experiment, the architectures re-run: the first hashes in sorted order (fewer at full width,
// where one evaluation takes tens of seconds on two cores).
const PER_EXPERIMENT = (stemChannels: number) => (stemChannels >= 64 ? 1 : 3);

const experiments = await Promise.all(
  (await settingsFilesIn(RESULTS_DIR)).map(async (path) => {
    const settings = await readSettingsFile(path);
    const rows = await readResultRows(resultFiles(RESULTS_DIR, settings.name).results);
    return { settings, rows };
  }),
);

/** The NAS-Bench-101 matrix and operations of each hash, from the records they came with. */
async function cellsOf(hashes: Set<string>) {
  const cells = new Map<string, { hash: string; matrix: number[][]; ops: Operation[] }>();
  for await (const { record } of readNasbenchRecords(FIXTURE)) {
    if (hashes.has(record.moduleHash) && !cells.has(record.moduleHash)) {
      cells.set(record.moduleHash, {
        hash: record.moduleHash,
        matrix: record.matrix,
        ops: record.operations as Operation[],
      });
      if (cells.size === hashes.size) break;
    }
  }
  return cells;
}

function rerunOptions(settings: ExperimentSettingsFile) {
  const c = settings.config;
  return {
    nTrain: c.nTrain,
    nVal: c.nVal,
    ensemble: c.ensemble,
    configs: c.configs,
    seed: c.seed,
    stemChannels: c.stemChannels,
    stacks: c.stacks,
    modulesPerStack: c.modulesPerStack,
    bnBatchSize: c.bnBatchSize,
    dataset: localDataset(c.dataset).split(','),
    engine: (c.engine ?? 'onnx') as EngineName,
  };
}

describe('committed results reproduce from scratch', () => {
  it('there are committed results to check', () => {
    expect(experiments.length).toBeGreaterThan(0);
  });

  for (const { settings, rows } of experiments) {
    const chosen = [...new Set(rows.map((r) => r.module_hash as string))]
      .sort()
      .slice(0, PER_EXPERIMENT(settings.config.stemChannels));
    it(`${settings.name}: ${chosen.length} architecture(s) give their committed accuracies`, async () => {
      const cells = await cellsOf(new Set(chosen));
      for (const hash of chosen) {
        const cell = cells.get(hash);
        if (!cell) throw new Error(`${hash} is not in ${FIXTURE}`);
        const evaluation = await evaluateCell(cell, rerunOptions(settings));
        const again = evaluation.results.map((r) => ({
          config: `${r.nTrain}x${r.nVal}x${r.ensemble}`,
          accuracy: r.accuracy,
          accuracies: r.accuracies,
        }));
        const committed = rows
          .filter((r) => r.module_hash === hash)
          .map((r) => ({
            config: `${r.n_train}x${r.n_val}x${r.ensemble}`,
            accuracy: r.accuracy,
            accuracies: r.accuracies,
          }));
        const byConfig = (a: { config: string }, b: { config: string }) =>
          a.config.localeCompare(b.config);
        expect(again.sort(byConfig), hash).toEqual(committed.sort(byConfig));
      }
    }, 300_000);
  }
});
