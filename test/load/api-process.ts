/**
 * The API under load, in its own process so that the load generator does not share its event
 * loop: `node --import tsx test/load/api-process.ts DATABASE_URL` opens that database, serves
 * the API on a free loopback port and sends `{ port }` to its parent. Sent 'memory', it answers
 * `{ rss, peakRss }` (bytes; the peak since the previous question); sent 'cpu', the CPU time it
 * has used so far, `{ cpuMs }` (user + system). It stops when the parent disconnects, once the
 * requests still running have finished.
 */
import { openDatabase } from '@nngp-nas/db';
import { createApiServer } from '@nngp-nas/server';

const url = process.argv[2];
if (url === undefined) throw new Error('usage: api-process.ts DATABASE_URL');
const database = await openDatabase({ url, migrate: false, log: () => {} });
const api = await createApiServer({ database, port: 0, host: '127.0.0.1', development: false });

let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50).unref();
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
    return;
  }
  if (message !== 'memory') return;
  const rss = process.memoryUsage.rss();
  process.send?.({ rss, peakRss: Math.max(peakRss, rss) });
  peakRss = rss;
});
process.send?.({ port: api.port });
process.once('disconnect', async () => {
  await api.stop();
  await untilPoolIdle(database.pool, 10_000);
  await database.close();
  process.exit(0);
});

/**
 * Waits (at most `ms`) until no query is running or queued: the load generator drops its
 * connections when a run ends, but the requests it had sent still run to completion, and
 * closing the pool under them would log each as a failed query.
 */
async function untilPoolIdle(pool: typeof database.pool, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (pool.waitingCount > 0 || pool.idleCount < pool.totalCount) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
