import { availableParallelism } from 'node:os';
import type { KernelKind } from '@nngp-nas/db';
import type { Command } from 'commander';
import { ONNX_PROVIDERS, type OnnxProvider } from '../../network/onnx/index.ts';
import { BACKENDS, type BackendName } from '../../network/tfjs/index.ts';
import { selectArchitectures } from '../../nngp/architecture-selection.ts';
import { parseConfigs } from '../../nngp/configs.ts';
import {
  defaultEvaluationDataset,
  ENGINES,
  type EngineName,
  EVALUATION_DEFAULTS,
} from '../../nngp/evaluation-defaults.ts';
import { runEvaluation } from '../../nngp/run-evaluation.ts';
import { queryResults } from '../../nngp/store/index.ts';
import { UsageError } from '../errors.ts';
import { integer, positive } from '../flags.ts';
import { log, printJson, progressBar } from '../output.ts';
import { withDatabase } from '../with-database.ts';

interface EvaluateFlags {
  archs: string;
  kernel: string;
  limit?: string;
  train: string;
  val: string;
  ensemble: string;
  configs?: string;
  seed: string;
  stemChannels: string;
  stacks: string;
  modulesPerStack: string;
  dataset?: string;
  engine: string;
  backend?: string;
  workers: string;
  experiment?: string;
  retention: string;
  precision: string;
  bnBatch: string;
  batchSize: string;
  json?: boolean;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description(
      'Monte-Carlo NNGP validation accuracy of architectures; kernels and results are stored',
    )
    .requiredOption(
      '--archs <selector>',
      'hash,hash | sample:N | file:PATH | filter:JSON (an ArchitectureFilter, seeded random order)',
    )
    .option('--limit <n>', 'with --archs filter:JSON, the first N in the seeded order')
    .requiredOption('--train <n>', 'NNGP training images (largest configuration)')
    .requiredOption('--val <n>', 'NNGP validation images (largest configuration)')
    .requiredOption('--ensemble <m>', 'random initialisations (largest configuration)')
    .option(
      '--configs <list>',
      'smaller configurations derived from the same kernels, e.g. 100x200x1,100x200x2',
    )
    .option(
      '--seed <s>',
      'seed of the data draw, initialisations and sampling',
      String(EVALUATION_DEFAULTS.seed),
    )
    .option(
      '--stem-channels <c>',
      'stem width (the paper: 128)',
      String(EVALUATION_DEFAULTS.stemChannels),
    )
    .option('--stacks <n>', 'stacks of modules', String(EVALUATION_DEFAULTS.stacks))
    .option(
      '--modules-per-stack <n>',
      'modules per stack',
      String(EVALUATION_DEFAULTS.modulesPerStack),
    )
    .option(
      '--dataset <dir>',
      'CIFAR-10 binary batches (default: downloaded, else the shared subset)',
    )
    .option(
      '--engine <name>',
      `${ENGINES.join(' | ')}: TensorFlow.js or ONNX Runtime (\`nngp backends\` lists what loads here)`,
      EVALUATION_DEFAULTS.engine,
    )
    .option(
      '--kernel <kind>',
      'nngp | ntk | both: the NNGP kernel, the empirical NTK (TensorFlow.js gradients), or both on the same data and initialisations',
      'nngp',
    )
    .option(
      '--backend <name>',
      `tfjs: ${BACKENDS.join(', ')} (default: first that works); onnx: ${ONNX_PROVIDERS.join(', ')} (default cpu)`,
    )
    .option(
      '--workers <k>',
      'tfjs worker threads, one seed each (onnx runs in-process on all cores)',
      String(defaultWorkers()),
    )
    .option('--experiment <name>', 'experiment name (default: from the configuration)')
    .option(
      '--retention <r>',
      'kernels kept: all (per seed) | largest (ensemble) | none',
      String(EVALUATION_DEFAULTS.retention),
    )
    .option(
      '--precision <p>',
      'kernel storage: float32 | float16',
      String(EVALUATION_DEFAULTS.precision),
    )
    .option(
      '--bn-batch <n>',
      'images in the batch-norm statistics pass',
      String(EVALUATION_DEFAULTS.bnBatchSize),
    )
    .option('--batch-size <n>', 'images per forward batch', String(EVALUATION_DEFAULTS.batchSize))
    .option('--json', 'print {"experiment","results":[…]} on stdout')
    .action(async (flags: EvaluateFlags) => {
      const largest = {
        nTrain: positive('--train', flags.train),
        nVal: positive('--val', flags.val),
        ensemble: positive('--ensemble', flags.ensemble),
      };
      const configs = flags.configs ? parseConfigs(flags.configs) : [];
      const engine = flags.engine as EngineName;
      if (!ENGINES.includes(engine)) {
        throw new UsageError(`--engine must be one of ${ENGINES.join(', ')}, got '${engine}'`);
      }
      const backends: readonly string[] = engine === 'onnx' ? ONNX_PROVIDERS : BACKENDS;
      const backend = flags.backend as BackendName | OnnxProvider | undefined;
      if (backend !== undefined && !backends.includes(backend)) {
        throw new UsageError(
          `--backend for engine ${engine} must be one of ${backends.join(', ')}, got '${backend}'`,
        );
      }
      if (!['all', 'largest', 'none'].includes(flags.retention)) {
        throw new UsageError(`--retention must be all, largest or none, got '${flags.retention}'`);
      }
      if (!['float32', 'float16'].includes(flags.precision)) {
        throw new UsageError(`--precision must be float32 or float16, got '${flags.precision}'`);
      }
      const kernels = KERNEL_CHOICES[flags.kernel as keyof typeof KERNEL_CHOICES];
      if (kernels === undefined) {
        throw new UsageError(`--kernel must be nngp, ntk or both, got '${flags.kernel}'`);
      }
      const seed = integer('--seed', flags.seed);
      const dataset = flags.dataset ?? defaultEvaluationDataset();
      const output = await withDatabase(async (database) => {
        const cells = await selectArchitectures(database, flags.archs, seed, {
          limit: flags.limit === undefined ? undefined : positive('--limit', flags.limit),
        });
        let bar = progressBar('evaluating', cells.length, 'architectures');
        const run = await runEvaluation(database, {
          cells,
          largest,
          configs,
          seed,
          shape: {
            stemChannels: positive('--stem-channels', flags.stemChannels),
            stacks: positive('--stacks', flags.stacks),
            modulesPerStack: positive('--modules-per-stack', flags.modulesPerStack),
          },
          dataset,
          engine,
          kernels,
          backend,
          workers: positive('--workers', flags.workers),
          experiment: flags.experiment,
          retention: flags.retention as 'all' | 'largest' | 'none',
          precision: flags.precision as 'float32' | 'float16',
          bnBatchSize: positive('--bn-batch', flags.bnBatch),
          batchSize: positive('--batch-size', flags.batchSize),
          onStart: (info) => {
            log(
              `experiment ${info.experiment}: ${info.pending} to evaluate, ${info.skipped} already stored (engine ${info.engine}, backend ${info.backend})`,
            );
            bar.stop();
            bar = progressBar('evaluating', info.pending, 'architectures');
          },
          onArchitecture: (info) => bar.update(info.done),
        });
        bar.stop();
        for (const f of run.failures) log(`failed: ${f.message}`);
        if (run.kernelBytesPerArchitecture !== null) {
          log(`stored ${Math.round(run.kernelBytesPerArchitecture)} kernel bytes per architecture`);
        }
        const results = await queryResults(
          database.pool,
          run.experiment,
          cells.map((c) => c.hash),
        );
        return { run, results };
      });
      if (flags.json) printJson({ experiment: output.run.experiment, results: output.results });
      else {
        for (const r of output.results) {
          log(
            `${r.hash} ${r.kind} ${r.nTrain}x${r.nVal}x${r.ensemble}: accuracy ${r.accuracy ?? 'failed'}`,
          );
        }
      }
      if (output.run.failures.length > 0) process.exitCode = 1;
    });
}

const KERNEL_CHOICES: Record<string, KernelKind[]> = {
  nngp: ['nngp'],
  ntk: ['ntk'],
  both: ['nngp', 'ntk'],
};

function defaultWorkers(): number {
  return availableParallelism();
}
