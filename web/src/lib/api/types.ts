/** Shapes of the API's answers, as the dashboard selects them (server/src/schema.graphql). */

export interface NngpConfig {
  nTrain: number;
  nVal: number;
  ensemble: number;
}

export interface ExperimentConfig extends NngpConfig {
  seed: number;
  stemChannels: number;
  stacks: number;
  modulesPerStack: number;
  dataset: string;
  bnBatchSize: number;
  configs: NngpConfig[];
}

export interface ExperimentSummary {
  id: string;
  name: string;
  createdAt: string;
  retention: string;
  precision: string;
  cancelledAt: string | null;
  resultCount: number;
  architectureCount: number;
  config: ExperimentConfig;
}

export type ExperimentStatus =
  | 'CREATED'
  | 'QUEUED'
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'CANCELLED';

export interface ExperimentProgress {
  done: number;
  queued: number;
  running: number;
  failed: number;
  total: number;
  ratePerHour: number | null;
  etaSeconds: number | null;
}

/** The live part of an experiment (queue state), fetched apart from the summary. */
export interface ExperimentState {
  id: string;
  status: ExperimentStatus;
  backend: string | null;
  costPflops: number;
  progress: ExperimentProgress;
}

export interface SizeCluster {
  id: number;
  label: string;
  minParameters: number;
  maxParameters: number | null;
  count: number;
}

export type PredictorKind = 'NNGP' | 'TRAINING' | 'MODEL_SIZE' | 'PROXY' | 'HYBRID';

/** The API's `PredictorInput`. */
export interface PredictorInput {
  kind: PredictorKind;
  name?: string;
  experiment?: string;
  nTrain?: number;
  nVal?: number;
  ensemble?: number;
  epochs?: number;
  repeat?: number;
  proxy?: string;
}

export interface Discovered {
  mean: number;
  standardError: number | null;
  topK: number;
  subsetSize: number;
}

export interface PredictorMetrics {
  predictor: string;
  count: number;
  kendallTau: number | null;
  pearson: number | null;
  pqetp: { threshold: number; auroc: number | null }[];
  discovered: Discovered | null;
  costPflops: number | null;
  notes: string[];
}

export type Screening = 'NONE' | 'NNGP' | 'RANDOM';

export interface ReductionRow {
  epochs: number;
  screening: Screening;
  keepPercent: number | null;
  discovered: Discovered;
  costPflops: number;
}

export interface HybridResult {
  fit: {
    epoch4Coefficient: number;
    nngpCoefficient: number;
    bias: number;
    rSquared: number;
    residualStandardError: number | null;
    count: number;
  } | null;
  metrics: PredictorMetrics | null;
  notes: string[];
}

export interface ResidualBiasRow {
  residualConnections: number;
  architectures: number;
  percentiles: { predictor: string; meanPercentile: number }[];
}

export interface ModelSizeCorrelation {
  predictor: string;
  count: number;
  kendallTau: number | null;
  pearson: number | null;
}

export interface Scatter {
  x: string;
  y: string;
  total: number;
  sampled: boolean;
  points: { hash: string; x: number; y: number }[];
}

export interface HistogramBin {
  min: number;
  max: number;
  count: number;
}

export type ArchitectureOrderField =
  | 'HASH'
  | 'TRAINABLE_PARAMETERS'
  | 'FLOPS'
  | 'RESIDUAL_CONNECTIONS';
export type OrderDirection = 'ASC' | 'DESC';

/** One row of the architectures table. */
export interface ArchitectureRow {
  hash: string;
  trainableParameters: number;
  flops: number;
  residualConnections: number;
  groundTruth: number | null;
  sizeCluster: { id: number; label: string } | null;
}

export interface ArchitecturePage {
  totalCount: number;
  edges: { cursor: string; node: ArchitectureRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface NngpResult {
  experiment: { id: string; name: string };
  nTrain: number;
  nVal: number;
  ensemble: number;
  accuracy: number | null;
  accuracies: (number | null)[];
  regularizers: number[];
  backend: string;
  seconds: number;
}

export interface ArchitectureDetail extends ArchitectureRow {
  matrix: number[][];
  operations: string[];
  training: { epochs: number; repeat: number; validationAccuracy: number | null }[];
  trainingMeans: { epochs: number; repeats: number; validationAccuracy: number | null }[];
  nngp: NngpResult[];
  proxies: { name: string; value: number | null; source: string }[];
}

export interface EnqueueResult {
  enqueued: number;
  alreadyDone: number;
  alreadyQueued: number;
}
