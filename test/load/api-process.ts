/**
 * The API under load, in its own process so that the load generator does not share its event
 * loop: `node --import tsx test/load/api-process.ts DATABASE_URL` opens that database, serves
 * the API on a free loopback port and sends `{ port }` to its parent. Sent 'memory', it answers
 * `{ rss, peakRss }` (bytes; the peak since the previous question). It stops when the parent
 * disconnects.
 */
import { openDatabase } from '@nngp-nas/db';
import { createApiServer } from '../../server/src/index.ts';

const url = process.argv[2];
if (url === undefined) throw new Error('usage: api-process.ts DATABASE_URL');
const database = await openDatabase({ url, migrate: false, log: () => {} });
const api = await createApiServer({ database, port: 0, host: '127.0.0.1', development: false });

let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50).unref();
process.on('message', (message) => {
  if (message !== 'memory') return;
  const rss = process.memoryUsage.rss();
  process.send?.({ rss, peakRss: Math.max(peakRss, rss) });
  peakRss = rss;
});
process.send?.({ port: api.port });
process.once('disconnect', async () => {
  await api.stop();
  await database.close();
  process.exit(0);
});
