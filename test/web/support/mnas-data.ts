import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMnasEvaluation, sampleMnas } from '@nngp-nas/compute/mnas';
import { importMnasMeasurements } from '@nngp-nas/compute/mnas/store';
import type { Database } from '@nngp-nas/db';
import { writeImageFolder } from '../../../compute/test/datasets/image-folder-fixture.ts';

/** The MNAS experiment the dashboard is shown: a few sampled networks at 32×32, in seconds. */
export const MNAS_EXPERIMENT = { name: 'mnas-fixture', count: 12, seed: 3 } as const;

export interface MnasDashboardData {
  mnasExperimentId: string;
  /** The evaluated networks, in sample order; all but the last have measurements. */
  mnasHashes: string[];
}

/**
 * A real MNAS experiment for the dashboard: NNGP evaluation of the first sampled networks on
 * CIFAR-10 photographs written as an ImageNet-format folder, and measurements imported from a
 * CSV (5-epoch accuracy rising with the sample index, latency falling, every other network with
 * a final accuracy; the last network unmeasured).
 *
 * @example const { mnasExperimentId } = await seedMnasData(database);
 */
export async function seedMnasData(database: Database): Promise<MnasDashboardData> {
  const dir = await mkdtemp(join(tmpdir(), 'nngp-dashboard-mnas-'));
  try {
    const { root } = await writeImageFolder(dir);
    const run = await runMnasEvaluation(database, {
      experiment: MNAS_EXPERIMENT.name,
      count: MNAS_EXPERIMENT.count,
      seed: MNAS_EXPERIMENT.seed,
      images: root,
      labels: 5,
      resolution: 32,
      largest: { nTrain: 20, nVal: 20, ensemble: 2 },
      // Two configurations, as the researcher's runs have: the figures join them by cost.
      configs: [{ nTrain: 10, nVal: 20, ensemble: 1 }],
      engine: 'onnx',
      bnBatchSize: 128,
      batchSize: 50,
    });
    const specs = sampleMnas(MNAS_EXPERIMENT.count, MNAS_EXPERIMENT.seed);
    const file = join(dir, 'measured.csv');
    await writeFile(
      file,
      [
        'encoding,accuracy_5epoch,latency_ms,final_accuracy',
        ...specs
          .slice(0, -1)
          .map(
            (s, i) => `${s.encode()},${0.5 + i / 50},${90 - 5 * i},${i % 2 ? '' : 0.7 + i / 100}`,
          ),
      ].join('\n'),
    );
    await importMnasMeasurements(database, file);
    return {
      mnasExperimentId: String(run.experimentId),
      mnasHashes: specs.map((s) => s.hash()),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
