import { GraphQLError } from 'graphql';

/**
 * An analysis that did not finish within its deadline (waiting, reading or computing): its
 * worker was stopped; a smaller filter or fewer subsets would answer.
 *
 * @example throw analysisTimeout('metrics', 15_000);
 */
export function analysisTimeout(field: string, timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `${field}: the analysis did not finish within ${timeoutMs} ms and was stopped (narrow the filter, or ask for fewer subsets or points)`,
    { extensions: { code: 'ANALYSIS_TIMEOUT', timeoutMs } },
  );
}

/**
 * An analysis refused at once because too many are already waiting: retry later.
 *
 * @example throw overloaded('scatter', 20);
 */
export function overloaded(field: string, pending: number): GraphQLError {
  return new GraphQLError(
    `${field}: the server is busy with ${pending} analyses; retry in a few seconds`,
    { extensions: { code: 'OVERLOADED', pending } },
  );
}

/**
 * An analysis whose computation needed more memory than a worker has: stopped alone, without
 * touching the API or other analyses.
 *
 * @example throw analysisTooLarge('metrics', 384);
 */
export function analysisTooLarge(field: string, workerHeapMb: number): GraphQLError {
  return new GraphQLError(
    `${field}: the analysis needed more memory than an analysis worker may use (${workerHeapMb} MiB of heap, and the API process' memory limit); ask for fewer subsets or points`,
    { extensions: { code: 'ANALYSIS_TOO_LARGE', workerHeapMb } },
  );
}
