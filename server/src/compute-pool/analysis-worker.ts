import { parentPort } from 'node:worker_threads';
import type { ResultMessage, TaskMessage } from './protocol.ts';
import { TASKS } from './tasks.ts';

// One task at a time: the pool sends a worker its next task only after the previous answer.
const port = parentPort;
if (port === null) throw new Error('analysis-worker.ts must run as a worker thread');

port.on('message', ({ id, task, input }: TaskMessage) => {
  let message: ResultMessage;
  try {
    const run = TASKS[task] as (input: unknown) => unknown;
    message = { id, ok: true, output: run(input) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const { field, problem } = e as Error & { field?: unknown; problem?: unknown };
    message = {
      id,
      ok: false,
      error: {
        name: e.name,
        message: e.message,
        ...(typeof field === 'string' ? { field } : {}),
        ...(typeof problem === 'string' ? { problem } : {}),
      },
    };
  }
  port.postMessage(message);
});
