import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitForHttpOptions {
  /** Whether a response means "ready"; default: any response at all (the server answers). */
  ready?: (response: Response) => boolean;
  /** Settles when the process behind the URL has exited: waiting stops with an error. */
  exited?: Promise<unknown>;
  /** Give up after this long (ms); default 120 s. */
  timeoutMs?: number;
  /** What is being waited for, for the error message. */
  what?: string;
}

/**
 * Polls `url` until it answers as `ready` wants, the process behind it exits, or time runs out.
 *
 * @example await waitForHttp('http://localhost:3000/', { exited: child.exited, what: 'next start' });
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions = {}): Promise<void> {
  const ready = options.ready ?? (() => true);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const what = options.what ?? url;
  let exited = false;
  void options.exited?.then(() => {
    exited = true;
  });
  let last = 'no answer yet';
  while (!exited) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await response.body?.cancel();
      if (ready(response)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer at ${url} (${last})`);
    await sleep(250);
  }
  throw new Error(`${what} exited before answering at ${url}`);
}
