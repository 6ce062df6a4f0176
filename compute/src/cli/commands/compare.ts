import type { Command } from 'commander';
import {
  type CompareOptions,
  comparePredictors,
  loadPredictorTable,
} from '../../analysis/index.ts';
import type { ArchitectureFilter, Interval } from '../../metrics/index.ts';
import { UsageError } from '../errors.ts';
import { log, printJson } from '../output.ts';
import { withDatabase } from '../with-database.ts';

interface CompareFlags {
  json?: boolean;
  cluster?: string;
  residuals?: string;
  resamples: string;
  seed: string;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(
      "Kendall's τ and Pearson's r (bootstrap 95 % intervals) of every stored predictor against the ground truth (mean 108-epoch validation accuracy)",
    )
    .option('--json', 'print the comparison as JSON on stdout')
    .option('--cluster <id>', 'only architectures of this size cluster (see `nngp clusters`)')
    .option(
      '--residuals <min-max>',
      'only architectures with this many residual connections, e.g. 0-2 or 3',
    )
    .option('--resamples <n>', 'bootstrap resamples', '1000')
    .option('--seed <n>', 'bootstrap seed', '0')
    .action(async (flags: CompareFlags) => {
      const options: CompareOptions = {
        filter: parseFilter(flags),
        bootstrap: {
          resamples: integer('--resamples', flags.resamples, 1),
          seed: integer('--seed', flags.seed, 0),
        },
      };
      const comparison = await withDatabase(async (database) =>
        comparePredictors(await loadPredictorTable(database.pool), options),
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
        `${comparison.architectures} architectures with ground truth (${comparison.groundTruth})`,
      );
      log(
        `${'predictor'.padEnd(28)} ${'n'.padStart(6)}  ${'τ'.padEnd(8)} ${'95% CI'.padEnd(18)}  ${'r'.padEnd(8)} ${'95% CI'.padEnd(18)}  PFLOPs`,
      );
      for (const p of comparison.predictors) {
        log(
          `${p.name.padEnd(28)} ${String(p.n).padStart(6)}  ${value(p.kendallTau).padEnd(8)} ${interval(p.kendallTauInterval).padEnd(18)}  ${value(p.pearson).padEnd(8)} ${interval(p.pearsonInterval).padEnd(18)}  ${p.costPflops === null ? '—' : p.costPflops.toExponential(3)}`,
        );
        for (const note of p.notes) log(`  note: ${note}`);
      }
    });
}

function parseFilter(flags: CompareFlags): ArchitectureFilter {
  const filter: ArchitectureFilter = {};
  if (flags.cluster !== undefined) filter.sizeClusters = [integer('--cluster', flags.cluster, 0)];
  if (flags.residuals !== undefined) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(flags.residuals);
    if (!match)
      throw new UsageError(
        `--residuals must be a count or a range MIN-MAX of counts, e.g. 0-2, got '${flags.residuals}'`,
      );
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : Number(match[2]);
    if (max < min)
      throw new UsageError(
        `--residuals: the range ${min}-${max} is empty (MIN must not exceed MAX)`,
      );
    filter.residualConnections = { min, max };
  }
  return filter;
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min)
    throw new UsageError(`${flag} must be an integer ≥ ${min}, got '${text}'`);
  return value;
}
