import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/hold-database.ts', import.meta.url));
// `--import tsx` resolves from the working directory: the repository root has tsx.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface HolderMessage {
  event: string;
  pid?: number;
  port?: number;
  url?: string;
  value?: number;
  error?: string;
}

/** Another process holding the embedded database of a data directory (fixtures/hold-database.ts). */
export interface Holder {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  /** Resolves with the next message of that event. */
  next(event: string): Promise<HolderMessage>;
  send(command: 'query' | 'close' | 'exit'): void;
  /**
   * Sends `signal` to the holder's whole process group, as a terminal does on Ctrl-C
   * (SIGINT) to its foreground job.
   */
  signalGroup(signal: NodeJS.Signals): void;
  /** What it wrote to stderr so far (its database log lines). */
  stderr(): string;
  /** Resolves with the exit code, or the signal name when a signal killed it. */
  exited: Promise<number | NodeJS.Signals>;
}

/**
 * Starts the holder process; await `next('open')` for its port.
 *
 * @example
 * const holder = spawnHolder(dataDir); const { port } = await holder.next('open');
 */
export function spawnHolder(dataDir: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, like a command started in another terminal.
    detached: true,
  });
  const messages: HolderMessage[] = [];
  const waiters: { event: string; resolve: (message: HolderMessage) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as HolderMessage;
    const index = waiters.findIndex((waiter) => waiter.event === message.event);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(message);
    else messages.push(message);
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return {
    child,
    exited,
    send: (command) => child.stdin.write(`${command}\n`),
    stderr: () => stderr,
    signalGroup: (signal) => {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    },
    next: (event) => {
      const index = messages.findIndex((message) => message.event === event);
      if (index >= 0) return Promise.resolve(messages.splice(index, 1)[0] as HolderMessage);
      return new Promise((resolve, reject) => {
        waiters.push({ event, resolve });
        void exited.then((status) =>
          reject(new Error(`holder exited (${status}) before '${event}':\n${stderr}`)),
        );
      });
    },
  };
}
