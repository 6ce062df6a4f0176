import { Worker } from 'node:worker_threads';
import type { NewNasbenchArchitectureRow } from '@nngp-nas/db';
import type { FromEnumerationWorker, ToEnumerationWorker } from './enumeration-protocol.ts';

const WORKER = new URL('./enumeration-worker.mjs', import.meta.url);

/**
 * The stored rows of every module of the space, in enumeration order and batches of
 * `batchSize`, computed on a worker thread one batch ahead of the consumer: the consumer's
 * writes overlap the next batch's computing, and its event loop is never blocked (the
 * enumeration alone runs for half a minute, with stretches of seconds between two new modules).
 * Aborting `signal` stops the thread; the generator then throws the abort reason.
 *
 * @example for await (const rows of enumeratedRowBatches({ batchSize: 5000 })) await upsertArchitectures(pool, rows);
 */
export async function* enumeratedRowBatches(options: {
  batchSize: number;
  signal?: AbortSignal;
}): AsyncGenerator<NewNasbenchArchitectureRow[]> {
  const { batchSize, signal } = options;
  signal?.throwIfAborted();
  const worker = new Worker(WORKER);
  let onAbort = () => {};
  const ended = new Promise<never>((_, reject) => {
    worker.once('error', (error) =>
      reject(new Error(`search space: the enumeration thread failed: ${error.message}`)),
    );
    worker.once('exit', (code) =>
      reject(new Error(`search space: the enumeration thread exited (code ${code}) too early`)),
    );
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const next = (): Promise<FromEnumerationWorker> => {
    const answer = new Promise<FromEnumerationWorker>((resolve) => worker.once('message', resolve));
    worker.postMessage({ size: batchSize } satisfies ToEnumerationWorker);
    const settled = Promise.race([answer, ended]);
    // Awaited only after the consumer is done with the previous batch: a failure meanwhile
    // must not count as an unhandled rejection (which would end the process).
    settled.catch(() => {});
    return settled;
  };
  try {
    let pending = next();
    for (;;) {
      const batch = await pending;
      // The batch may have arrived before an abort while the consumer was busy.
      signal?.throwIfAborted();
      if (!batch.done) pending = next();
      if (batch.rows.length > 0) yield batch.rows;
      if (batch.done) return;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
