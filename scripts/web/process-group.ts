import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';

/** A child process started as the leader of its own process group, with its output kept. */
export interface ProcessGroup {
  child: ChildProcess;
  /** Its exit status: the code, or 128 + the signal number when a signal ended it. */
  exited: Promise<number>;
  /** Whether it has exited. */
  readonly done: boolean;
  /** The last 20,000 characters of its stdout and stderr, interleaved (for error messages). */
  output(): string;
  /** Sends `signal` to every process of the group (those its leader left behind too). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM to the group, SIGKILL after `graceMs` if it still runs; resolves with its status. */
  stop(graceMs?: number): Promise<number>;
}

export interface SpawnGroupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called with each line of its output as it arrives (e.g. to relay it to a log). */
  onLine?: (line: string) => void;
}

const KEPT_OUTPUT = 20_000;

/**
 * Starts `command` in a new process group, so that stopping it also stops what it starts
 * (next build's workers) and a terminal's Ctrl-C reaches only our process, which decides
 * what to forward.
 *
 * @example
 * const next = spawnGroup(process.execPath, [nextBin, 'start'], { cwd: webDir, env: process.env });
 * await next.stop();
 */
export function spawnGroup(
  command: string,
  args: string[],
  options: SpawnGroupOptions,
): ProcessGroup {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let kept = '';
  let partial = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    kept = (kept + text).slice(-KEPT_OUTPUT);
    if (!options.onLine) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) options.onLine(line);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  let done = false;
  const exited = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      kept += `\n${error.message}`;
      done = true;
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      done = true;
      if (partial !== '') options.onLine?.(partial);
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
  const signal = (name: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  return {
    child,
    exited,
    get done() {
      return done;
    },
    output: () => kept,
    signal,
    stop: async (graceMs = 10_000) => {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
  };
}
