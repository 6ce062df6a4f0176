import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `nngp ARGS` as `pnpm nngp` does (tsx on the CLI source) from the repository root. */
export function runNngp(
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdin?: string },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      ['compute/src/cli/main.ts', ...args],
      {
        cwd: repoRoot,
        env: options.env,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
