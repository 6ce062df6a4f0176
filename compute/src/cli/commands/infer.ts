import type { Command } from 'commander';
import { inferenceFromJson } from '../../nngp/inference/index.ts';
import { log, printJson } from '../output.ts';
import { readStdinJson } from '../stdin-json.ts';

export function registerInfer(program: Command): void {
  program
    .command('infer')
    .description(
      'NNGP inference on a kernel given on stdin: {"kTrainTrain","kValTrain","trainLabels","valLabels","numClasses"?,"regularizers"?}',
    )
    .option(
      '--json',
      'print {"regularizers","accuracies","bestAccuracy","bestRegularizer"} on stdout',
    )
    .action(async (options: { json?: boolean }) => {
      const parsed = await readStdinJson();
      const result = inferenceFromJson(parsed);
      if (options.json) printJson(result);
      else {
        for (const [i, r] of result.regularizers.entries()) {
          log(`ε ${r.toExponential(2)}  accuracy ${result.accuracies[i] ?? 'failed'}`);
        }
        log(`best ${result.bestAccuracy ?? 'none'} at ε ${result.bestRegularizer ?? '-'}`);
      }
    });
}
