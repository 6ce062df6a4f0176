import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { tetherScript, tsxLoader } from './paths.ts';

/**
 * A command run in a process group of its own under a tether (tether.ts: the group's leader,
 * which dies with us, taking the group along), with its output kept.
 */
export interface ProcessGroup {
  /** The tether, the group's leader; its pid names the group. */
  child: ChildProcess;
  /** The command's exit status: its code, or 128 + the signal number when a signal ended it. */
  exited: Promise<number>;
  /** Whether it has exited. */
  readonly done: boolean;
  /** The last 20,000 characters of its stdout and stderr, interleaved (for error messages). */
  output(): string;
  /** Sends `signal` to the command, once (the tether passes it on). */
  signal(signal: NodeJS.Signals): void;
  /** Kills every process of the group at once (those the command left behind too). */
  kill(): void;
  /** SIGTERM to the command, SIGKILL to the group after `graceMs`; resolves with its status. */
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
 * what to forward. The group's leader is a tether that holds a pipe from us on its stdin: when
 * we die, however we die (SIGKILL included), it stops the command (SIGTERM, its normal
 * shutdown), then kills the group, so nothing we started outlives us.
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
  const child = spawn(process.execPath, ['--import', tsxLoader, tetherScript, command, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // The tether's lifeline: never written to, only closed (by our death, or once it has exited).
  child.stdin?.on('error', () => {});
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
      child.stdin?.destroy();
      if (partial !== '') options.onLine?.(partial);
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
  const signal = (name: NodeJS.Signals) => {
    if (!done) child.kill(name);
  };
  const kill = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
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
    kill,
    stop: async (graceMs = 10_000) => {
      signal('SIGTERM');
      const timer = setTimeout(kill, graceMs);
      const status = await exited;
      clearTimeout(timer);
      // Whatever the command left behind and did not go with the tether's SIGTERM.
      kill();
      return status;
    },
  };
}
