import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ModelSpec } from '../../nasbench/spec.ts';
import { printJson } from '../output.ts';

export function registerSpec(nasbench: Command): void {
  nasbench
    .command('spec')
    .description(
      'read JSON lines {"matrix","ops"} on stdin; print each cell pruned, in NAS-Bench-101 stored numbering, with hash, parameters, FLOPs and residual connections (or {"error"})',
    )
    .action(async () => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let n = 0;
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        printJson(describe(line, n));
      }
    });
}

function describe(line: string, n: number): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: `line ${n}: not valid JSON` };
  }
  const { matrix, ops } = (input ?? {}) as { matrix?: unknown; ops?: unknown };
  if (!Array.isArray(matrix) || !Array.isArray(ops)) {
    return { error: `line ${n}: expected {"matrix": number[][], "ops": string[]}` };
  }
  try {
    const spec = new ModelSpec(matrix as number[][], ops as string[]).canonical();
    return {
      hash: spec.hash(),
      matrix: spec.matrix,
      ops: spec.ops,
      trainableParameters: spec.trainableParameters(),
      flops: spec.flops(),
      residualConnections: spec.residualConnections(),
    };
  } catch (error) {
    return { error: `line ${n}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
