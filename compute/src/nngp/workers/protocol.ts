import type { KernelKind } from '@nngp-nas/db';
import type { Matrix } from '../../nasbench/matrix.ts';
import type { Operation } from '../../nasbench/operations.ts';
import type { BackendName } from '../../network/tfjs/index.ts';
import type { EvaluationSettings, SeedEstimate } from '../evaluate.ts';
import type { NngpData } from '../nngp-data.ts';

/** Sent once when a worker starts (images in a SharedArrayBuffer: one copy for all workers). */
export interface WorkerInit {
  backend: BackendName | undefined;
  data: NngpData;
  settings: EvaluationSettings;
}

export type Cell = { hash: string; matrix: Matrix; ops: Operation[] };

export type ToWorker =
  | { type: 'seed'; id: number; cell: Cell; seed: number; kernel: KernelKind }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; backend: BackendName }
  | { type: 'failed-to-start'; message: string }
  | { type: 'result'; id: number; estimate: SeedEstimate }
  | { type: 'error'; id: number; message: string };
