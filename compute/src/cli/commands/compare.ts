import type { Command } from 'commander';
import type { Interval } from '../../metrics/index.ts';
import {
  type ArchitectureSelection,
  type CompareOptions,
  comparePredictors,
  PredictorInputError,
  parseRepeat,
  type TrainingRepeat,
} from '../../predictors/index.ts';
import { UsageError } from '../errors.ts';
import { space } from '../flags.ts';
import { log, printJson } from '../output.ts';
import { withDatabase } from '../with-database.ts';

interface CompareFlags {
  json?: boolean;
  cluster?: string;
  residuals?: string;
  parameters?: string;
  experiment?: string;
  space?: string;
  repeat: string;
  resamples: string;
  seed: string;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(
      "Kendall's τ and Pearson's r (bootstrap 95 % intervals), PQETP, discovered performance and cost of every stored predictor against the ground truth (mean 108-epoch validation accuracy), as the API's metrics query gives them",
    )
    .option('--json', 'print the comparison as JSON on stdout')
    .option('--cluster <id>', 'only architectures of this size cluster (see `nngp clusters`)')
    .option(
      '--residuals <min-max>',
      'only architectures with this many residual connections, e.g. 0-2 or 3',
    )
    .option(
      '--parameters <min-max>',
      'only architectures with this many trainable parameters, e.g. 0-5000000',
    )
    .option('--experiment <id>', 'only architectures with a result of this NNGP experiment')
    .option(
      '--space <space>',
      'the search space, whose ground truth is compared with (nasbench101, the default: 108-epoch accuracy; mnas: the reward)',
    )
    .option(
      '--repeat <0|1|2|mean>',
      'which training repeat the 4/12/36-epoch predictors read (mean: every repeat averaged, each charged as a run)',
      '0',
    )
    .option('--resamples <n>', 'bootstrap resamples', '1000')
    .option('--seed <n>', 'bootstrap seed', '0')
    .action(async (flags: CompareFlags) => {
      const options: CompareOptions = {
        filter: parseFilter(flags),
        repeat: repeatFlag(flags.repeat),
        bootstrap: {
          resamples: integer('--resamples', flags.resamples, 1),
          seed: integer('--seed', flags.seed, 0),
        },
      };
      const comparison = await withDatabase(async (database) =>
        comparePredictors(database.db, options),
      );
      if (comparison.architectures === 0)
        log('no architecture with ground truth passes the filter (import records first?)');
      if (flags.json) {
        printJson(comparison);
        return;
      }
      const interval = (i: Interval) => (i ? `[${i.low.toFixed(4)}, ${i.high.toFixed(4)}]` : '—');
      const value = (x: number | null) => (x === null ? '—' : x.toFixed(4));
      log(
        `${comparison.architectures} architectures with ground truth (${comparison.groundTruth}); training: ${comparison.repeat === 'mean' ? 'mean over the repeats' : `repeat ${comparison.repeat}`}`,
      );
      log(
        `${'predictor'.padEnd(28)} ${'n'.padStart(6)}  ${'τ'.padEnd(8)} ${'95% CI'.padEnd(18)}  ${'r'.padEnd(8)} ${'95% CI'.padEnd(18)}  ${'discovered'.padEnd(8)}  PFLOPs`,
      );
      for (const p of comparison.predictors) {
        log(
          `${p.name.padEnd(28)} ${String(p.n).padStart(6)}  ${value(p.kendallTau).padEnd(8)} ${interval(p.kendallTauInterval).padEnd(18)}  ${value(p.pearson).padEnd(8)} ${interval(p.pearsonInterval).padEnd(18)}  ${value(p.discovered?.mean ?? null).padEnd(10)}  ${p.costPflops === null ? '—' : p.costPflops.toExponential(3)}`,
        );
        for (const note of p.notes) log(`  note: ${note}`);
      }
    });
}

function repeatFlag(text: string): TrainingRepeat {
  try {
    return parseRepeat(text.trim(), '--repeat');
  } catch (error) {
    if (error instanceof PredictorInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** The CLI's filter flags as the selection the API's `filter` argument also maps to. */
function parseFilter(flags: CompareFlags): ArchitectureSelection {
  return {
    ...(flags.cluster === undefined
      ? {}
      : { sizeClusters: [integer('--cluster', flags.cluster, 0)] }),
    ...(flags.residuals === undefined
      ? {}
      : { residualConnections: range('--residuals', flags.residuals) }),
    ...(flags.parameters === undefined
      ? {}
      : { trainableParameters: range('--parameters', flags.parameters) }),
    ...(flags.experiment === undefined ? {} : { experiment: flags.experiment.trim() }),
    ...(flags.space === undefined ? {} : { space: space('--space', flags.space) }),
  };
}

/** A count or an inclusive range MIN-MAX of counts. */
function range(flag: string, text: string): { min: number; max: number } {
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!match)
    throw new UsageError(
      `${flag} must be a count or a range MIN-MAX of counts, e.g. 0-2, got '${text}'`,
    );
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min)
    throw new UsageError(`${flag}: the range ${min}-${max} is empty (MIN must not exceed MAX)`);
  return { min, max };
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min)
    throw new UsageError(`${flag} must be an integer ≥ ${min}, got '${text}'`);
  return value;
}
