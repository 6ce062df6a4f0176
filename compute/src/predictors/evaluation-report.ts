import type { PredictorEvaluation } from '../metrics/index.ts';

/** What the CLI's `compare` and the API's `metrics` report of one evaluated predictor. */
export interface EvaluationReport {
  /** Architectures with both the predictor and the ground truth. */
  count: number;
  kendallTau: number | null;
  pearson: number | null;
  pqetp: { threshold: number; auroc: number | null }[];
  /** Null when no architecture has both values. */
  discovered: {
    mean: number;
    standardError: number | null;
    topK: number;
    subsetSize: number;
  } | null;
}

/** The note of a predictor no architecture of the filter has together with the ground truth. */
export const NOTHING_IN_COMMON =
  'no architecture in the filter has both this predictor and the ground truth';

/** The report of a predictor with nothing in common with the ground truth. */
export const EMPTY_REPORT: Readonly<EvaluationReport> = Object.freeze({
  count: 0,
  kendallTau: null,
  pearson: null,
  pqetp: [],
  discovered: null,
});

/**
 * compute/metrics' evaluation as both front ends report it.
 *
 * @example evaluationReport(evaluatePredictor(truth, values)).discovered?.mean
 */
export function evaluationReport(e: PredictorEvaluation): EvaluationReport {
  return {
    count: e.n,
    kendallTau: e.kendallTau,
    pearson: e.pearson,
    pqetp: e.pqetp.map((q) => ({ threshold: q.threshold, auroc: q.auroc })),
    discovered: {
      mean: e.discovered.mean,
      standardError: e.discovered.standardError,
      topK: e.discovered.topK,
      subsetSize: e.discovered.subsetSize,
    },
  };
}
