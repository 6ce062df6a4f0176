import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `nngp ARGS` as `pnpm nngp` does (tsx on the CLI source) from the repository root;
 * `user` runs it as another account (the tests run as root, whom no file permission stops).
 */
export function runNngp(
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdin?: string; user?: { uid: number; gid: number } },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      ['compute/src/cli/main.ts', ...args],
      {
        cwd: repoRoot,
        env: options.env,
        ...options.user,
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
