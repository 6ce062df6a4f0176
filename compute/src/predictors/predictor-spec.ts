import type { TrainingRepeat } from './repeat.ts';

/**
 * A predictor as the CLI and the API ask for it (the GraphQL `PredictorInput`, kinds in
 * capitals): the one description both load through {@link loadPredictor}.
 */
export interface PredictorSpec {
  kind: 'TRAINING' | 'PROXY' | 'MODEL_SIZE' | 'NNGP' | 'HYBRID';
  /** Label of the result; defaults to a description such as 'epochs 12 repeat 0'. */
  name?: string | null;
  /** TRAINING: the epoch budget. */
  epochs?: number | null;
  /** TRAINING, HYBRID: which repeat (default 0) or 'mean'. */
  repeat?: TrainingRepeat | number | string | null;
  /** PROXY: the proxy's name. */
  proxy?: string | null;
  /** NNGP, HYBRID: inference with the NNGP kernel (default) or the empirical NTK. */
  kernel?: 'NNGP' | 'NTK' | null;
  /** NNGP, HYBRID: the experiment id and configuration (each defaults to the experiment's). */
  experiment?: string | null;
  nTrain?: number | null;
  nVal?: number | null;
  ensemble?: number | null;
}

/** The fields each kind takes (any other given is an input error). */
export const FIELDS_OF: Record<PredictorSpec['kind'], readonly (keyof PredictorSpec)[]> = {
  NNGP: ['experiment', 'kernel', 'nTrain', 'nVal', 'ensemble'],
  TRAINING: ['epochs', 'repeat'],
  MODEL_SIZE: [],
  PROXY: ['proxy'],
  HYBRID: ['experiment', 'kernel', 'nTrain', 'nVal', 'ensemble', 'repeat'],
};
