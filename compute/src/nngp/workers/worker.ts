import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from '../../network/tfjs/index.ts';
import { estimateSeed, estimateSeedNtkOf } from '../evaluate.ts';
import { imageTensorShape } from '../nngp-data.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';

// One seed of one architecture at a time per worker: the wasm backend is single-threaded in Node.
const init = workerData as WorkerInit;
const port = parentPort;
if (port === null) throw new Error('worker.ts must run as a worker thread');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

try {
  const backend = await startBackend(init.backend);
  const { data } = init;
  const images = tf.tensor4d(data.images, imageTensorShape(data));
  send({ type: 'ready', backend });
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'stop') {
      images.dispose();
      port.close();
      return;
    }
    try {
      const estimate = await (message.kernel === 'ntk' ? estimateSeedNtkOf : estimateSeed)(
        message.cell,
        data,
        images,
        init.settings,
        message.seed,
      );
      const arrays = [estimate.kernel.kTrainTrain, estimate.kernel.kValTrain, estimate.features];
      // Move the arrays instead of copying them, where each owns its whole buffer.
      const transfer = arrays
        .filter((a) => a.byteLength === a.buffer.byteLength)
        .map((a) => a.buffer as ArrayBuffer);
      send({ type: 'result', id: message.id, estimate }, [...new Set(transfer)]);
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
