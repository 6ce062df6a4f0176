import os from 'node:os';
import { type Database, evaluationWorkers } from '@nngp-nas/db';
import { inArray, sql } from 'drizzle-orm';
import type { WorkerEvents } from 'graphile-worker';
import { errorMessage } from './error-message.ts';

/** How often a process says its workers are alive. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/**
 * A worker silent this long is dead, and its job is free to take (four missed beats: a loaded
 * machine or a slow network may delay one or two).
 */
export const WORKER_DEAD_AFTER_MS = 20_000;

/** This process's membership in the fleet of evaluation workers. */
export interface Heartbeat {
  /**
   * Since when (Date.now()) every beat has succeeded; null while beats fail. A process that
   * just got the database back must not judge others dead before they could beat again.
   */
  steadySince(): number | null;
  /** Stops beating and removes this process's workers from the table (best effort). */
  stop(): Promise<void>;
}

/**
 * Registers every graphile-worker worker that `events` announces in `evaluation_workers` and
 * beats for all of them every HEARTBEAT_INTERVAL_MS (one upsert, timed by the database's
 * clock); a worker that stops is removed. A failed beat is logged once and retried; the jobs
 * keep running meanwhile.
 *
 * @example const heartbeat = startHeartbeat(database, events, log); … await heartbeat.stop();
 */
export function startHeartbeat(
  database: Database,
  events: WorkerEvents,
  log: (line: string) => void,
): Heartbeat {
  const identity = { host: os.hostname(), pid: process.pid };
  const workerIds = new Set<string>();
  let steadySince: number | null = null;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<void> = Promise.resolve();

  const beat = async (): Promise<void> => {
    if (workerIds.size === 0) return;
    try {
      await database.db
        .insert(evaluationWorkers)
        .values([...workerIds].map((workerId) => ({ workerId, ...identity })))
        .onConflictDoUpdate({
          target: evaluationWorkers.workerId,
          set: { heartbeatAt: sql`now()`, host: identity.host, pid: identity.pid },
        });
      steadySince ??= Date.now();
      if (failing) log('evaluation worker: heartbeat restored');
      failing = false;
    } catch (error) {
      steadySince = null;
      if (!failing) log(`evaluation worker: heartbeat failed (${errorMessage(error)}); retrying`);
      failing = true;
    }
  };
  const beatSerially = (): Promise<void> => {
    beating = beating.then(beat);
    return beating;
  };
  const schedule = () => {
    timer = setTimeout(async () => {
      await beatSerially();
      if (!stopped) schedule();
    }, HEARTBEAT_INTERVAL_MS);
    timer.unref();
  };

  const onCreate = ({ worker }: { worker: { workerId: string } }) => {
    workerIds.add(worker.workerId);
    // At once: a job this worker locks must never look like one of an unknown, dead worker.
    void beatSerially();
  };
  const forgetting = new Set<Promise<void>>();
  const onStop = ({ worker }: { worker: { workerId: string } }) => {
    workerIds.delete(worker.workerId);
    const forgotten = forget([worker.workerId]);
    forgetting.add(forgotten);
    void forgotten.finally(() => forgetting.delete(forgotten));
  };
  const forget = (ids: string[]): Promise<void> =>
    database.db
      .delete(evaluationWorkers)
      .where(inArray(evaluationWorkers.workerId, ids))
      .then(
        () => {},
        () => {}, // its row goes stale and the next sweep removes it
      );
  events.on('worker:create', onCreate);
  events.on('worker:stop', onStop);
  schedule();

  return {
    steadySince: () => steadySince,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      events.off('worker:create', onCreate);
      events.off('worker:stop', onStop);
      await beating;
      await Promise.all(forgetting);
      if (workerIds.size > 0) await forget([...workerIds]);
      workerIds.clear();
    },
  };
}
