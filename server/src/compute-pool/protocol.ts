import type { TaskName } from './tasks.ts';

/** A task sent to an analysis worker. */
export interface TaskMessage {
  id: number;
  task: TaskName;
  input: unknown;
}

/** A worker's answer to task `id`: its output, or the error it threw (as data: errors do not clone with their class). */
export type ResultMessage =
  | { id: number; ok: true; output: unknown }
  | {
      id: number;
      ok: false;
      error: { name: string; message: string; field?: string; problem?: string };
    };
