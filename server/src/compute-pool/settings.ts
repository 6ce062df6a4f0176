import os from 'node:os';
import type { EnvSource } from '@nngp-nas/env';
import { readAnalysisPoolEnv } from '../env.ts';

/** How analyses run off the event loop (environment variables, read once per process). */
export interface PoolSettings {
  /** Worker threads computing analyses (`NNGP_ANALYSIS_WORKERS`; default cores − 1, at least 1). */
  workers: number;
  /** Longest an analysis may take, SQL and computation together (`NNGP_ANALYSIS_TIMEOUT_MS`). */
  timeoutMs: number;
  /** Analyses that may wait beyond those being worked on before new ones are refused (`NNGP_ANALYSIS_QUEUE`). */
  queue: number;
  /** Heap of one worker, in MiB (`NNGP_ANALYSIS_WORKER_MB`): a computation needing more fails alone. */
  workerHeapMb: number;
  /** Resident memory of the API process, in MiB, past which running analyses are stopped (`NNGP_ANALYSIS_RSS_MB`). */
  rssLimitMb: number;
}

/** Default deadline: long enough for any analysis of the paper over the full space (~0.5 s cold). */
export const DEFAULT_ANALYSIS_TIMEOUT_MS = 15_000;
/** Default bound on waiting analyses. */
export const DEFAULT_ANALYSIS_QUEUE = 16;
/** Default worker heap: every analysis over the 423,624 architectures fits in a fraction of it. */
export const DEFAULT_WORKER_HEAP_MB = 384;
/** Default process memory limit for analyses: the API stays under 1 GiB. */
export const DEFAULT_RSS_LIMIT_MB = 800;

/**
 * The pool's settings from the environment; a malformed variable is an error naming it.
 *
 * @example readPoolSettings({ NNGP_ANALYSIS_TIMEOUT_MS: '2000' }).timeoutMs // 2000
 */
export function readPoolSettings(source: EnvSource = process.env): PoolSettings {
  const env = readAnalysisPoolEnv(source);
  return {
    // One core stays with the event loop (and Postgres, on a small machine).
    workers: env.NNGP_ANALYSIS_WORKERS ?? Math.max(1, os.availableParallelism() - 1),
    timeoutMs: env.NNGP_ANALYSIS_TIMEOUT_MS ?? DEFAULT_ANALYSIS_TIMEOUT_MS,
    queue: env.NNGP_ANALYSIS_QUEUE ?? DEFAULT_ANALYSIS_QUEUE,
    workerHeapMb: env.NNGP_ANALYSIS_WORKER_MB ?? DEFAULT_WORKER_HEAP_MB,
    rssLimitMb: env.NNGP_ANALYSIS_RSS_MB ?? DEFAULT_RSS_LIMIT_MB,
  };
}
