import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from '../../network/tfjs/index.ts';
import { evaluateArchitecture } from '../evaluate.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';

// One architecture at a time per worker: the wasm backend is single-threaded in Node.
const init = workerData as WorkerInit;
const port = parentPort;
if (port === null) throw new Error('worker.ts must run as a worker thread');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

try {
  const backend = await startBackend(init.backend);
  const { data } = init;
  const images = tf.tensor4d(data.images, [data.nTrain + data.nVal, 32, 32, 3]);
  send({ type: 'ready', backend });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      images.dispose();
      port.close();
      return;
    }
    try {
      const evaluation = evaluateArchitecture(message.cell, data, images, init.settings);
      send({ type: 'result', id: message.id, evaluation });
    } catch (error) {
      send({
        type: 'error',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
} catch (error) {
  send({
    type: 'failed-to-start',
    message: error instanceof Error ? error.message : String(error),
  });
}
