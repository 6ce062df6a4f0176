import { text } from 'node:stream/consumers';
import type { Command } from 'commander';
import { inferenceFromJson } from '../../nngp/inference/index.ts';
import { UsageError } from '../errors.ts';
import { log, printJson } from '../output.ts';

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
      const input = await text(process.stdin);
      let parsed: unknown;
      try {
        parsed = JSON.parse(input);
      } catch (error) {
        throw new UsageError(
          `stdin is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
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
