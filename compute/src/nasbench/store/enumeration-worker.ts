import { parentPort } from 'node:worker_threads';
import { enumerateModules } from '../enumerate.ts';
import { architectureRow } from './architecture-rows.ts';
import type { FromEnumerationWorker, ToEnumerationWorker } from './enumeration-protocol.ts';

// The CPU-bound half of storing the search space (enumeration, parameter counts, FLOPs), on a
// thread of its own so that the process's event loop stays free for the requests it serves.
const port = parentPort;
if (port === null) throw new Error('enumeration-worker.ts must run as a worker thread');
const modules = enumerateModules();

port.on('message', (message: ToEnumerationWorker) => {
  const rows = [];
  let done = false;
  while (rows.length < message.size) {
    const next = modules.next();
    if (next.done) {
      done = true;
      break;
    }
    const m = next.value;
    rows.push(architectureRow(m.hash, m.matrix, m.ops, m.index));
  }
  port.postMessage({ rows, done } satisfies FromEnumerationWorker);
  if (done) port.close();
});
