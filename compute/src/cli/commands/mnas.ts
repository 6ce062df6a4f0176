import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  MNAS_LATENCY_EXPONENT,
  MNAS_TARGET_LATENCY_MS,
  type MnasRunOptions,
  mnasCost,
  mnasCsvSink,
  readMnasResults,
  resumeMnasEvaluation,
  runMnasEvaluation,
  sampleMnas,
} from '../../mnas/index.ts';
import { importMnasMeasurements, loadFig7 } from '../../mnas/store/index.ts';
import { parseConfigs } from '../../nngp/configs.ts';
import { ENGINES, type EngineName, EVALUATION_DEFAULTS } from '../../nngp/evaluation-defaults.ts';
import { parseExperimentId } from '../../predictors/experiment-id.ts';
import { UsageError } from '../errors.ts';
import { finite, integer, positive } from '../flags.ts';
import { log, printJson, progressBar } from '../output.ts';
import { withDatabase } from '../with-database.ts';
import { describeFig7, runFig7 } from './mnas-fig7.ts';

/** `nngp mnas …`: the MNAS search space on ImageNet-format data (paper §3.2, §4.2). */
export function registerMnas(program: Command): void {
  const mnas = program
    .command('mnas')
    .description('the MnasNet search space on ImageNet-format data (paper §3.2, §4.2)');

  mnas
    .command('sample')
    .description(
      'seeded sample of distinct MNAS networks: index,hash,encoding,parameters,flops (CSV on stdout)',
    )
    .requiredOption('--count <n>', 'networks to sample (the paper: 10000)')
    .option('--seed <s>', 'sampling seed', '0')
    .action((flags: { count: string; seed: string }) => {
      const specs = sampleMnas(positive('--count', flags.count), integer('--seed', flags.seed));
      process.stdout.write('index,hash,encoding,parameters,flops\n');
      specs.forEach((spec, i) => {
        const { parameters, flops } = mnasCost(spec);
        process.stdout.write(`${i},${spec.hash()},${spec.encode()},${parameters},${flops}\n`);
      });
    });

  mnas
    .command('evaluate')
    .description(
      'NNGP validation accuracy of the first N sampled MNAS networks on an ImageNet-format folder, into the database experiment --experiment or the CSV --out; a rerun resumes',
    )
    .requiredOption(
      '--images <dir>',
      'class folders of JPEG images (or train/ and val/ holding them)',
    )
    .requiredOption('--count <n>', 'the first N networks of the seeded sample')
    .option('--experiment <name>', 'database experiment (created, or resumed when it exists)')
    .option('--out <file>', 'results CSV instead of the database (created, or resumed)')
    .requiredOption('--train <n>', 'NNGP training images (largest configuration)')
    .requiredOption('--val <n>', 'NNGP validation images (largest configuration)')
    .requiredOption('--ensemble <m>', 'random initialisations (largest configuration)')
    .option('--configs <list>', 'smaller configurations from the same kernels, e.g. 100x100x1')
    .option('--labels <k>', "classes: 'all' or a seeded random subset of k (the paper: 100)", 'all')
    .option('--resolution <px>', 'side of the centre crop (ImageNet: 224)', '224')
    .option('--seed <s>', 'seed of the sample, the data draw and the initialisations', '0')
    .option(
      '--engine <engine>',
      `forward passes: ${ENGINES.join(' | ')}`,
      EVALUATION_DEFAULTS.engine,
    )
    .option(
      '--bn-batch <n>',
      'images of the batch-norm pass',
      String(EVALUATION_DEFAULTS.bnBatchSize),
    )
    .option('--batch-size <n>', 'images per forward batch', String(EVALUATION_DEFAULTS.batchSize))
    .action(async (flags: Record<string, string>) => {
      const seed = integer('--seed', flags.seed as string);
      const largest = {
        nTrain: positive('--train', flags.train as string),
        nVal: positive('--val', flags.val as string),
        ensemble: positive('--ensemble', flags.ensemble as string),
      };
      const engine = flags.engine as EngineName;
      if (!ENGINES.includes(engine))
        throw new UsageError(`--engine must be one of ${ENGINES.join(', ')}, got '${engine}'`);
      const labels = flags.labels === 'all' ? 'all' : positive('--labels', flags.labels as string);
      if ((flags.experiment === undefined) === (flags.out === undefined))
        throw new UsageError('give one of --experiment NAME (the database) or --out FILE (a CSV)');
      const count = positive('--count', flags.count as string);
      const target = flags.out ?? `experiment ${flags.experiment}`;
      let reading: ReturnType<typeof progressBar> | undefined;
      let bar: ReturnType<typeof progressBar> | undefined;
      const options: MnasRunOptions = {
        images: flags.images as string,
        labels,
        resolution: positive('--resolution', flags.resolution as string),
        seed,
        largest,
        configs: flags.configs ? parseConfigs(flags.configs) : [],
        engine,
        bnBatchSize: positive('--bn-batch', flags.bnBatch as string),
        batchSize: positive('--batch-size', flags.batchSize as string),
        onStart: (skipped, total) =>
          log(`mnas: ${skipped} of ${total} networks already in ${target}`),
        onImages: (n, total) => {
          reading ??= progressBar('decoding images', total, 'images');
          reading.update(n);
        },
        onData: (data) => {
          reading?.stop();
          log(`mnas: ${data.numClasses} classes at ${data.imageSize}×${data.imageSize}`);
        },
        onNetwork: (n, total) => {
          bar ??= progressBar('evaluating', total, 'networks');
          bar.update(n);
        },
      };
      const counts =
        flags.out === undefined
          ? await withDatabase((database) =>
              runMnasEvaluation(database, {
                ...options,
                experiment: flags.experiment as string,
                count,
              }),
            )
          : await resumeMnasEvaluation(sampleMnas(count, seed), mnasCsvSink(flags.out), options);
      bar?.stop();
      const experiment = 'experimentId' in counts ? ` (id ${counts.experimentId})` : '';
      log(
        `mnas: ${target}${experiment}: ${counts.evaluated} networks evaluated, ${counts.skipped} already there`,
      );
    });

  mnas
    .command('fig7')
    .description(
      'paper Fig. 7: top-k by NNGP, by 5-epoch accuracy, by reward and k random networks with their final accuracy; τ and r of NNGP against the reward',
    )
    .option('--nngp <file>', 'results CSV of `nngp mnas evaluate --out`')
    .option(
      '--measurements <file>',
      'measured MNAS results CSV: encoding and/or hash, accuracy_5epoch, latency_ms, final_accuracy (optional)',
    )
    .option(
      '--experiment <id>',
      'instead of the files: the database experiment (its id) and the imported measurements',
    )
    .option('--config <c>', 'NNGP configuration, e.g. 100x100x2 (default the largest in the file)')
    .option('--k <n>', 'networks per selection', '10')
    .option('--seed <s>', 'seed of the random selection and the bootstrap', '0')
    .option(
      '--target-latency <ms>',
      `target latency T of the reward (files: ${MNAS_TARGET_LATENCY_MS}; --experiment: the import's)`,
    )
    .option(
      '--exponent <w>',
      `exponent w of the reward (files: ${MNAS_LATENCY_EXPONENT}; --experiment: the import's)`,
    )
    .option('--json', 'print the analysis as JSON on stdout')
    .action(async (flags: Record<string, string | boolean>) => {
      const options = {
        ...(flags.config ? { config: parseConfigs(flags.config as string)[0] } : {}),
        k: positive('--k', flags.k as string),
        seed: integer('--seed', flags.seed as string),
        reward: {
          ...(flags.targetLatency === undefined
            ? {}
            : { targetLatencyMs: finite('--target-latency', flags.targetLatency as string) }),
          ...(flags.exponent === undefined
            ? {}
            : { exponent: finite('--exponent', flags.exponent as string) }),
        },
      };
      if (flags.experiment !== undefined) {
        if (flags.nngp !== undefined || flags.measurements !== undefined)
          throw new UsageError('give --experiment, or --nngp and --measurements, not both');
        const experimentId = parseExperimentId(String(flags.experiment), '--experiment');
        const stored = await withDatabase((database) =>
          loadFig7(database.db, { experimentId, ...options }),
        );
        if (flags.json) printJson(stored);
        else for (const line of describeFig7(stored)) log(line);
        return;
      }
      if (flags.nngp === undefined || flags.measurements === undefined)
        throw new UsageError('give --nngp FILE and --measurements FILE, or --experiment ID');
      const analysis = runFig7({
        nngp: await readMnasResults(flags.nngp as string),
        nngpFile: flags.nngp as string,
        measurementsText: await readFile(flags.measurements as string, 'utf8'),
        measurementsFile: flags.measurements as string,
        ...options,
      });
      if (flags.json) printJson(analysis);
      else for (const line of analysis.lines) log(line);
    });

  mnas
    .command('import')
    .description(
      'imports measured MNAS results into the database (the MNAS ground truth): each network with its reward ACC × (LAT/T)^w; a bad line is named and nothing is written',
    )
    .requiredOption(
      '--measurements <file>',
      'CSV: encoding and/or hash, accuracy_5epoch, latency_ms, final_accuracy (optional)',
    )
    .option(
      '--target-latency <ms>',
      'target latency T of the reward',
      String(MNAS_TARGET_LATENCY_MS),
    )
    .option('--exponent <w>', 'exponent w of the reward', String(MNAS_LATENCY_EXPONENT))
    .action(async (flags: Record<string, string>) => {
      const reward = {
        targetLatencyMs: finite('--target-latency', flags.targetLatency as string),
        exponent: finite('--exponent', flags.exponent as string),
      };
      const file = flags.measurements as string;
      const done = await withDatabase((database) => importMnasMeasurements(database, file, reward));
      log(
        `mnas: ${done.networks} measured networks from ${file} (${done.newNetworks} new networks, ${done.written} rows written), reward T ${done.reward.targetLatencyMs} ms, w ${done.reward.exponent}`,
      );
    });
}
