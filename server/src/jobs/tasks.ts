import type { Database } from '@nngp-nas/db';
import type { TaskList } from 'graphile-worker';
import { type EvaluateTaskOptions, evaluateTask } from './evaluate-task.ts';
import { EVALUATE_TASK } from './queue.ts';

/**
 * Every task this project's workers run, by identifier; `signal` tells them the worker stops.
 *
 * @example await runOnce({ pgPool: database.pool }, evaluationTasks(database));
 */
export function evaluationTasks(database: Database, options: EvaluateTaskOptions = {}): TaskList {
  return { [EVALUATE_TASK]: evaluateTask(database, options) };
}
