import os from 'node:os';

/** Cleanup to run when SIGINT/SIGTERM arrives, before the embedded databases close. */
export type ShutdownHook = (signal: NodeJS.Signals) => void | Promise<void>;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** Past this, a hung hook or query must not keep a Ctrl-C'd process alive. */
const CLOSE_TIMEOUT_MS = 10_000;
/**
 * One Ctrl-C often arrives twice: from the terminal to the whole process group, and again
 * relayed by a parent (pnpm, tsx). A repeat this soon is that same Ctrl-C, not a second one.
 */
const REPEAT_GRACE_MS = 1_000;

const hooks = new Set<ShutdownHook>();
const closers = new Set<() => Promise<void>>();
let shuttingDown = false;
let shutdownStartedAt = 0;

/**
 * Registers cleanup for SIGINT/SIGTERM: it runs (awaited, in registration order) before the
 * embedded databases close and the process exits with 130/143. A hook also takes over the
 * signals without an embedded database (DATABASE_URL), so a worker there still releases its
 * jobs. Returns a function that unregisters it.
 *
 * If you install your own `process.on('SIGINT', …)` listener instead, the databases are
 * still closed on the signal, but exiting is left to you.
 *
 * @example
 * const db = await openDatabase();
 * onShutdown(async () => { await httpServer.close(); });
 */
export function onShutdown(hook: ShutdownHook): () => void {
  hooks.add(hook);
  const untrack = closeOnSignal(async () => {});
  return () => {
    hooks.delete(hook);
    untrack();
  };
}

/**
 * Closes `close`'s database when SIGINT/SIGTERM arrives. The signal listeners exist only
 * while something is tracked (a database or a hook), so a process with neither keeps Node's
 * default signal behaviour. Returns the function that stops tracking.
 *
 * @example
 * const untrack = closeOnSignal(() => database.close());
 */
export function closeOnSignal(close: () => Promise<void>): () => void {
  closers.add(close);
  if (closers.size === 1) {
    for (const signal of SIGNALS) process.on(signal, handleSignal);
  }
  return () => {
    closers.delete(close);
    if (closers.size === 0) {
      for (const signal of SIGNALS) process.removeListener(signal, handleSignal);
    }
  };
}

async function handleSignal(signal: NodeJS.Signals): Promise<void> {
  const code = 128 + (os.constants.signals[signal as keyof typeof os.constants.signals] ?? 0);
  // A second Ctrl-C means "stop waiting": exit now; the 'exit' hook still releases the server.
  if (shuttingDown) {
    if (Date.now() - shutdownStartedAt < REPEAT_GRACE_MS) return;
    process.exit(code);
  }
  shuttingDown = true;
  shutdownStartedAt = Date.now();
  const callerExits = process.listenerCount(signal) > 1;
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
  await Promise.race([runHooksThenClose(signal), timeout]);
  shuttingDown = false;
  if (!callerExits) process.exit(code);
}

async function runHooksThenClose(signal: NodeJS.Signals): Promise<void> {
  for (const hook of [...hooks]) {
    try {
      await hook(signal);
    } catch (error) {
      process.stderr.write(`shutdown hook failed: ${String(error)}\n`);
    }
  }
  await Promise.allSettled([...closers].map((close) => close()));
}
