/** A bad `pnpm worker` argument or environment variable; the message names it. */
export class WorkerOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerOptionsError';
  }
}

/** What `pnpm worker` was asked to do. */
export interface WorkerCommandOptions {
  /** Run the jobs due now, one at a time, then exit. */
  once: boolean;
  /** Jobs run at once (each on its own evaluation thread). */
  concurrency: number;
}

/** More would only queue for the database pool's connections. */
export const MAX_CONCURRENCY = 64;

/**
 * `pnpm worker`'s options from its arguments (`--once`, `--concurrency N` or
 * `--concurrency=N`) and NNGP_WORKER_CONCURRENCY (the argument wins; `--once` ignores the
 * variable); default concurrency 1.
 *
 * @example parseWorkerOptions(['--concurrency', '4'], process.env) // { once: false, concurrency: 4 }
 */
export function parseWorkerOptions(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): WorkerCommandOptions {
  let once = false;
  let concurrency: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--once') once = true;
    else if (arg === '--concurrency' || arg.startsWith('--concurrency=')) {
      const value = arg === '--concurrency' ? args[++i] : arg.slice('--concurrency='.length);
      concurrency = parseConcurrency(value, '--concurrency');
    } else {
      throw new WorkerOptionsError(
        `unknown argument '${arg}' (expected --once or --concurrency N)`,
      );
    }
  }
  if (once) {
    if (concurrency !== undefined)
      throw new WorkerOptionsError('--once runs the due jobs one at a time; drop --concurrency');
    return { once, concurrency: 1 };
  }
  const fromEnv = env.NNGP_WORKER_CONCURRENCY;
  concurrency ??=
    fromEnv === undefined || fromEnv === ''
      ? 1
      : parseConcurrency(fromEnv, 'NNGP_WORKER_CONCURRENCY');
  return { once, concurrency };
}

/**
 * A concurrency setting: a whole number from 1 to MAX_CONCURRENCY, or an error naming `source`.
 *
 * @example parseConcurrency('4', 'NNGP_WORKER_CONCURRENCY') // 4
 */
export function parseConcurrency(value: string | undefined, source: string): number {
  if (value === undefined || value === '')
    throw new WorkerOptionsError(
      `${source} needs a value: jobs to run at once (1–${MAX_CONCURRENCY})`,
    );
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > MAX_CONCURRENCY)
    throw new WorkerOptionsError(
      `${source} must be a whole number of jobs to run at once, from 1 to ${MAX_CONCURRENCY}; got '${value}'`,
    );
  return n;
}
