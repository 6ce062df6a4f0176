#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerBackends } from './commands/backends.ts';
import { registerClusters } from './commands/clusters.ts';
import { registerCompare } from './commands/compare.ts';
import { registerDownload } from './commands/download.ts';
import { registerEnumerate } from './commands/enumerate.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerImport } from './commands/import.ts';
import { registerInfer } from './commands/infer.ts';
import { registerMetrics } from './commands/metrics.ts';
import { registerMnas } from './commands/mnas.ts';
import { registerProxies } from './commands/proxies.ts';
import { registerReinfer } from './commands/reinfer.ts';
import { registerResults } from './commands/results.ts';
import { registerSpec } from './commands/spec.ts';
import { registerStart } from './commands/start.ts';
import { registerStats } from './commands/stats.ts';
import { describeError } from './errors.ts';
import { log } from './output.ts';

const program = new Command('nngp')
  .description('NNGP-guided neural architecture search on NAS-Bench-101')
  .exitOverride()
  .configureOutput({
    writeOut: (s) => process.stderr.write(s),
    writeErr: (s) => process.stderr.write(s),
  });

const nasbench = program
  .command('nasbench')
  .description('the NAS-Bench-101 search space and records');
registerEnumerate(nasbench);
registerSpec(nasbench);
registerImport(nasbench);
registerProxies(program);
registerClusters(program);
registerEvaluate(program);
registerBackends(program);
registerReinfer(program);
registerInfer(program);
registerStats(program);
registerMetrics(program);
registerCompare(program);
registerDownload(program);
registerStart(program);
registerResults(program);
registerMnas(program);
for (const command of [
  program,
  ...program.commands,
  ...program.commands.flatMap((c) => c.commands),
])
  command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are not errors; bad arguments exit 2 (commander printed the message).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    const { code, message } = describeError(error);
    log(`error: ${message}`);
    process.exitCode = code;
  }
}
