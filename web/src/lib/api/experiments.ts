import { query } from './client.ts';
import { EXPERIMENT_LIVE, EXPERIMENT_STATES, EXPERIMENTS } from './documents.ts';
import type { ExperimentLive, ExperimentState, ExperimentSummary, SearchSpace } from './types.ts';

/**
 * The experiments of a search space (null: of every space) with their configuration and result
 * counts, newest first. Pages pass their filter's space, so NNGP panels never mix spaces.
 *
 * @example const experiments = await loadExperiments(filter.space);
 */
export async function loadExperiments(space: SearchSpace | null): Promise<ExperimentSummary[]> {
  return (await query(EXPERIMENTS, { space })).experiments;
}

/**
 * Queue state (status, progress, rate, backend, cost) of every experiment, by id. Fetched apart
 * from `loadExperiments` so a failing progress query still leaves the list.
 *
 * @example (await loadExperimentStates()).get('1')?.progress.done
 */
export async function loadExperimentStates(): Promise<Map<string, ExperimentState>> {
  const { experiments } = await query(EXPERIMENT_STATES, {});
  return new Map(experiments.map((state) => [state.id, state]));
}

/**
 * One experiment by id, whatever its space (from the list, which is small); null when there is
 * none.
 *
 * @example const experiment = await loadExperiment('1');
 */
export async function loadExperiment(id: string): Promise<ExperimentSummary | null> {
  return (await loadExperiments(null)).find((experiment) => experiment.id === id) ?? null;
}

/**
 * One experiment's live state (status, progress, last error, engine), as the page polls it.
 *
 * @example (await loadExperimentLive('1'))?.status // 'RUNNING'
 */
export async function loadExperimentLive(id: string): Promise<ExperimentLive | null> {
  return (await query(EXPERIMENT_LIVE, { id })).experiment ?? null;
}
