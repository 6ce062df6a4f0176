import type { Command } from 'commander';
import { type ComparedEvaluation, metricsFromJson } from '../../metrics/index.ts';
import { log, printJson } from '../output.ts';
import { readStdinJson } from '../stdin-json.ts';

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description(
      'metrics of predictors against ground truth, from stdin: {"truth","predictors":{name:[…]},"thresholds"?,"topK"?,"subsets"?,"costs"?,"bootstrap"?}',
    )
    .option(
      '--json',
      'print {name: {"kendallTau","pearson","pqetp","pqetpPercentile","discovered","beats","notes",…}} on stdout',
    )
    .action(async (options: { json?: boolean }) => {
      const parsed = await readStdinJson();
      const result = metricsFromJson(parsed);
      if (options.json) printJson(result);
      else printTable(result);
    });
}

function printTable(result: Record<string, ComparedEvaluation>): void {
  const cell = (x: number | null | undefined, digits = 4) =>
    x === null || x === undefined ? '—' : x.toFixed(digits);
  log(
    `${'predictor'.padEnd(24)} ${'n'.padStart(7)} ${'τ'.padStart(8)} ${'r'.padStart(8)}  discovered`,
  );
  for (const [name, e] of Object.entries(result)) {
    const d = e.discovered;
    log(
      `${name.padEnd(24)} ${String(e.n).padStart(7)} ${cell(e.kendallTau).padStart(8)} ${cell(e.pearson).padStart(8)}  ${cell(d.mean)} ± ${cell(d.standardError)} (top ${d.topK} of ${d.subsetSize}, ${d.values.length} subsets)`,
    );
    for (const note of e.notes) log(`  note: ${note}`);
  }
}
