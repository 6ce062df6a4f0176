import { spawn, spawnSync } from 'node:child_process';
import type { ServerAccount } from './server-account.ts';

/** Exit status and combined stdout/stderr of a finished program. */
export interface ProgramResult {
  code: number | null;
  output: string;
}

interface RunOptions {
  account: ServerAccount;
  /** A directory the server account may enter (it may not be able to enter ours). */
  cwd: string;
}

// English messages, so errors we pass on read the same everywhere.
const env = (): NodeJS.ProcessEnv => ({ ...process.env, LC_MESSAGES: 'C', LANG: 'C' });

/**
 * Runs one of the PostgreSQL programs as the server account. Detached, in its own process
 * group, so a Ctrl-C meant for us does not reach a pg_ctl that is starting the server.
 *
 * @example
 * const { code, output } = await runProgram(pg_ctl, ['status', '-D', dir], { account, cwd: dir });
 */
export function runProgram(
  file: string,
  args: string[],
  options: RunOptions,
): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...options.account,
      cwd: options.cwd,
      env: env(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * The same, blocking: for process 'exit' handlers, where nothing asynchronous runs.
 *
 * @example
 * runProgramSync(pg_ctl, ['stop', '-D', dir, '-m', 'fast'], { account, cwd: dir });
 */
export function runProgramSync(file: string, args: string[], options: RunOptions): ProgramResult {
  const result = spawnSync(file, args, {
    ...options.account,
    cwd: options.cwd,
    env: env(),
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}
