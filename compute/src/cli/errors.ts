import { DatasetError, DrawCapacityError } from '../datasets/index.ts';
import { MetricsInputError } from '../metrics/index.ts';
import {
  Fig7InputError,
  MeasurementsError,
  MnasResultsError,
  MnasSpecError,
} from '../mnas/index.ts';
import { SpecError } from '../nasbench/errors.ts';
import { InputFileError, RecordFileError } from '../nasbench/records/index.ts';
import { ProxyFileError } from '../nasbench/store/index.ts';
import { ProviderError } from '../network/onnx/index.ts';
import { BackendError } from '../network/tfjs/index.ts';
import { SelectionError } from '../nngp/architecture-selection.ts';
import { ConfigError } from '../nngp/configs.ts';
import { FilterSelectionError } from '../nngp/filter-selection.ts';
import { InferenceInputError } from '../nngp/inference/index.ts';
import { ReinferError } from '../nngp/reinfer.ts';
import { ExperimentConflictError } from '../nngp/store/index.ts';
import { WorkerError } from '../nngp/workers/pool.ts';
import { PredictorInputError } from '../predictors/index.ts';

/** Bad arguments or input: the command exits 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The network could not deliver a file; the message says how to place it by hand instead. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/**
 * Input errors exit 2 with their message; a failed download exits 1 with its message; anything
 * unexpected exits 1 with its stack.
 */
export function describeError(error: unknown): { code: 1 | 2; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (
    error instanceof DownloadError ||
    error instanceof WorkerError ||
    error instanceof BackendError ||
    error instanceof ProviderError
  ) {
    return { code: 1, message };
  }
  const input =
    error instanceof UsageError ||
    error instanceof SpecError ||
    error instanceof RecordFileError ||
    error instanceof InputFileError ||
    error instanceof ProxyFileError ||
    error instanceof MetricsInputError ||
    error instanceof MeasurementsError ||
    error instanceof MnasResultsError ||
    error instanceof MnasSpecError ||
    error instanceof Fig7InputError ||
    error instanceof PredictorInputError ||
    error instanceof DatasetError ||
    error instanceof DrawCapacityError ||
    error instanceof SelectionError ||
    error instanceof FilterSelectionError ||
    error instanceof ConfigError ||
    error instanceof InferenceInputError ||
    error instanceof ReinferError ||
    error instanceof ExperimentConflictError ||
    (error instanceof Error &&
      'code' in error &&
      (error.code === 'ENOENT' || error.code === 'EISDIR'));
  if (input) return { code: 2, message };
  return { code: 1, message: error instanceof Error ? (error.stack ?? message) : message };
}
