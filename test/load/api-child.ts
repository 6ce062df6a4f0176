import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

/** The API running in a child process (see api-process.ts). */
export interface ApiChild {
  /** The GraphQL endpoint on loopback. */
  url: string;
  /** The child's process id (its /proc/<pid>/status can be read while its event loop is busy). */
  pid: number;
  /** The child's resident memory now and at its peak since the previous call, in bytes. */
  memory(): Promise<{ rss: number; peakRss: number }>;
  /** The CPU time (user + system) the child has used since it started, in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the API over the database at `databaseUrl` in a child process and waits for its port;
 * `env` is added to the child's environment (e.g. the analysis pool's settings), `nodeFlags` to
 * its Node command line (e.g. `--cpu-prof`, which NODE_OPTIONS may not carry).
 *
 * @example const api = await startApiChild(database.url); ...; await api.stop();
 */
export async function startApiChild(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
): Promise<ApiChild> {
  const child: ChildProcess = fork(
    new URL('./api-process.ts', import.meta.url).pathname,
    [databaseUrl],
    {
      execArgv: [...nodeFlags, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    },
  );
  const exited = once(child, 'exit');
  const [first] = (await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => {
      throw new Error(`the API process exited with ${code} before listening`);
    }),
  ])) as [{ port: number }];
  return {
    url: `http://127.0.0.1:${first.port}/graphql`,
    pid: child.pid as number,
    async memory() {
      const reply = once(child, 'message');
      child.send('memory');
      return (await reply)[0] as { rss: number; peakRss: number };
    },
    async cpuMs() {
      const reply = once(child, 'message');
      child.send('cpu');
      return ((await reply)[0] as { cpuMs: number }).cpuMs;
    },
    async stop() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
