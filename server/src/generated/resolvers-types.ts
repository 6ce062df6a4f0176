// Generated from schema.graphql by `pnpm --filter @nngp-nas/server codegen`: do not edit.
// biome-ignore-all lint/suspicious/noExplicitAny: generated resolver signatures

import type {
  ArchitectureRow,
  MnasMeasurementRow,
  NngpExperimentRow,
  NngpResultRow,
  ProxyScoreRow,
  ExperimentConfig as StoredExperimentConfig,
  TrainingRecordRow,
} from '@nngp-nas/db';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ApiContext } from '../context.ts';
import type { ArchitectureEdgeModel, ArchitecturePage } from '../models/architecture-page.ts';
import type { Fig7Model } from '../models/fig7.ts';
import type { SizeClusterModel } from '../models/size-cluster.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /**
   * Which repeat a shortened-training predictor reads: 0, 1 or 2 (an Int), or "mean" (a String),
   * the mean over the repeats stored. Anything else is BAD_USER_INPUT naming the argument.
   */
  TrainingRepeat: { input: number | string; output: 0 | 1 | 2 | 'mean' };
};

/** A NAS-Bench-101 cell (module) or an MNAS network. */
export type Architecture = {
  __typename?: 'Architecture';
  /** MNAS: the canonical encoding, seven blocks `{op}-k{kernel}-se{ratio}-{skip}-f{filters}-n{layers}` joined by `|`; null for NAS-Bench-101. */
  encoding: Maybe<Scalars['String']['output']>;
  /** Inference FLOPs per image, 2 × multiply-accumulates (NAS-Bench-101: 32×32; MNAS: 224×224). */
  flops: Scalars['Float']['output'];
  /** The space's ground truth: NAS-Bench-101, mean final validation accuracy over the 108-epoch repeats; MNAS, the imported reward. Null without it. */
  groundTruth: Maybe<Scalars['Float']['output']>;
  /** NAS-Bench-101 module hash (md5 of the canonical graph), or md5 of the MNAS encoding. */
  hash: Scalars['ID']['output'];
  /** NAS-Bench-101: adjacency matrix as stored, matrix[i][j] = 1 for an edge i -> j; null for MNAS. */
  matrix: Maybe<Array<Array<Scalars['Int']['output']>>>;
  /** MNAS: the imported measurements (5-epoch accuracy, latency, reward, final accuracy); null without them. */
  mnas: Maybe<MnasMeasurement>;
  /** NNGP results, every stored configuration; optionally of one experiment. */
  nngp: Array<NngpResult>;
  /** NAS-Bench-101: vertex operations, input and output included; null for MNAS. */
  operations: Maybe<Array<Scalars['String']['output']>>;
  /** Imported zero-cost proxy scores. */
  proxies: Array<ProxyScore>;
  /** NAS-Bench-101: residual connections of the cell; MNAS: layers with an identity residual. */
  residualConnections: Scalars['Int']['output'];
  /** Default size cluster; null until clusters have been computed. */
  sizeCluster: Maybe<SizeCluster>;
  space: SearchSpace;
  /** Trainable parameters (MNAS: with the 1,000-class head, at 224×224). */
  trainableParameters: Scalars['Int']['output'];
  /** Every training run (each epoch budget and repeat), final values. */
  training: Array<TrainingRun>;
  /** Mean over the repeats, per epoch budget. */
  trainingMeans: Array<TrainingMean>;
};

/** A NAS-Bench-101 cell (module) or an MNAS network. */
export type ArchitectureNngpArgs = {
  experiment?: InputMaybe<Scalars['ID']['input']>;
};

/** A NAS-Bench-101 cell (module) or an MNAS network. */
export type ArchitectureTrainingArgs = {
  epochs?: InputMaybe<Scalars['Int']['input']>;
};

export type ArchitectureConnection = {
  __typename?: 'ArchitectureConnection';
  edges: Array<ArchitectureEdge>;
  pageInfo: PageInfo;
  /** Architectures matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type ArchitectureEdge = {
  __typename?: 'ArchitectureEdge';
  /** Opaque; pass as `after` to continue after this architecture. */
  cursor: Scalars['String']['output'];
  node: Architecture;
};

/** Filters combine with AND; list filters match any of their values (IN). */
export type ArchitectureFilter = {
  /** Only architectures with an NNGP result in this experiment. */
  experiment?: InputMaybe<Scalars['ID']['input']>;
  /** Whether the architecture has its space's ground truth (NAS-Bench-101: 108-epoch training records; MNAS: imported measurements). */
  hasGroundTruth?: InputMaybe<Scalars['Boolean']['input']>;
  /** Interior operations the cell must contain, all of them (conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3). */
  operations?: InputMaybe<Array<Scalars['String']['input']>>;
  residualConnections?: InputMaybe<IntRange>;
  /** Default size-cluster ids (see `sizeClusters`). */
  sizeClusters?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** The search space. NAS-Bench-101 unless given (no filter at all also means NAS-Bench-101). */
  space?: InputMaybe<SearchSpace>;
  trainableParameters?: InputMaybe<IntRange>;
};

/**
 * Sort order; ties are broken by hash so pages are stable. By a predictor (GROUND_TRUTH, NNGP,
 * TRAINING, PROXY), architectures without its value sort last in both directions. A field that
 * the chosen `field` does not take, or a missing one it needs, is BAD_USER_INPUT naming it.
 */
export type ArchitectureOrder = {
  direction?: OrderDirection;
  ensemble?: InputMaybe<Scalars['Int']['input']>;
  /** TRAINING: the epoch budget (required; 4, 12, 36 or 108). */
  epochs?: InputMaybe<Scalars['Int']['input']>;
  /** NNGP: the experiment (required). */
  experiment?: InputMaybe<Scalars['ID']['input']>;
  field?: ArchitectureOrderField;
  /** NNGP: configuration; each defaults to the experiment's own (its largest). */
  nTrain?: InputMaybe<Scalars['Int']['input']>;
  nVal?: InputMaybe<Scalars['Int']['input']>;
  /** PROXY: the proxy name (required), e.g. zen_score. */
  proxy?: InputMaybe<Scalars['String']['input']>;
  /** TRAINING: repeat 0 (the default), 1, 2 or "mean". */
  repeat?: InputMaybe<Scalars['TrainingRepeat']['input']>;
};

export type ArchitectureOrderField =
  | 'FLOPS'
  /** The ground truth of the filter's space: NAS-Bench-101, mean final validation accuracy over the 108-epoch repeats; MNAS, the imported reward. */
  | 'GROUND_TRUTH'
  | 'HASH'
  /** NNGP accuracy of one configuration of `experiment` (each of `nTrain`/`nVal`/`ensemble` defaults to the experiment's own, its largest). */
  | 'NNGP'
  /** An imported zero-cost proxy score (`proxy`). */
  | 'PROXY'
  | 'RESIDUAL_CONNECTIONS'
  | 'TRAINABLE_PARAMETERS'
  /** Final validation accuracy after `epochs` of training, of one `repeat` (default 0) or their mean. */
  | 'TRAINING';

/**
 * A stored predictor (see `Query.predictors`): `kind` and the PredictorInput fields that select it
 * (`epochs` and `repeat` for TRAINING, `proxy` for PROXY, `experiment`, `kernel` (NTK, else null),
 * `nTrain`, `nVal` and `ensemble` for NNGP; the others null), its default label, and the
 * architectures having it.
 */
export type AvailablePredictor = {
  __typename?: 'AvailablePredictor';
  /** Architectures matching the filter with a value of this predictor. */
  count: Scalars['Int']['output'];
  ensemble: Maybe<Scalars['Int']['output']>;
  epochs: Maybe<Scalars['Int']['output']>;
  experiment: Maybe<Scalars['ID']['output']>;
  kernel: Maybe<KernelKind>;
  kind: PredictorKind;
  nTrain: Maybe<Scalars['Int']['output']>;
  nVal: Maybe<Scalars['Int']['output']>;
  /** The label `metrics` and `nngp compare` give it, e.g. 'epochs 12 repeat 0'. */
  name: Scalars['String']['output'];
  proxy: Maybe<Scalars['String']['output']>;
  repeat: Maybe<Scalars['TrainingRepeat']['output']>;
};

export type CancelResult = {
  __typename?: 'CancelResult';
  experiment: Experiment;
  /** Queued jobs removed. */
  removedJobs: Scalars['Int']['output'];
};

export type CreateExperimentInput = {
  bnBatchSize?: InputMaybe<Scalars['Int']['input']>;
  /** Smaller configurations to derive from the stored kernels. */
  configs?: InputMaybe<Array<NngpConfigShapeInput>>;
  /** Engine of the forward passes: onnx or tfjs (default: compute's, onnx). */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Random initialisations averaged (default 1). */
  ensemble?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Kernels estimated for every architecture: [NNGP] (the default), [NTK] or both, on the same data
   * and initialisations. The empirical NTK runs on TensorFlow.js whatever the engine.
   */
  kernels?: InputMaybe<Array<KernelKind>>;
  modulesPerStack?: InputMaybe<Scalars['Int']['input']>;
  /** Training images (default 1,000). */
  nTrain?: InputMaybe<Scalars['Int']['input']>;
  /** Validation images (default 1,000). */
  nVal?: InputMaybe<Scalars['Int']['input']>;
  /** Unique name. */
  name: Scalars['String']['input'];
  /** float32 (default) or float16. */
  precision?: InputMaybe<Scalars['String']['input']>;
  /** Which kernels are stored: all (default), largest or none. */
  retention?: InputMaybe<Scalars['String']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  stacks?: InputMaybe<Scalars['Int']['input']>;
  stemChannels?: InputMaybe<Scalars['Int']['input']>;
};

/** Discovered performance: the best ground truth among the predictor's top k, over the subsets. */
export type Discovered = {
  __typename?: 'Discovered';
  mean: Scalars['Float']['output'];
  /** Null for a single subset. */
  standardError: Maybe<Scalars['Float']['output']>;
  /** Architectures per subset. */
  subsetSize: Scalars['Float']['output'];
  topK: Scalars['Int']['output'];
};

export type EnqueueResult = {
  __typename?: 'EnqueueResult';
  /** Architectures skipped because they already have a result. */
  alreadyDone: Scalars['Int']['output'];
  /** Architectures skipped because a job for them is already queued. */
  alreadyQueued: Scalars['Int']['output'];
  /** Jobs added. */
  enqueued: Scalars['Int']['output'];
  experiment: Experiment;
};

/** An NNGP experiment and the configuration it was run with. */
export type Experiment = {
  __typename?: 'Experiment';
  /** Distinct architectures with at least one result. */
  architectureCount: Scalars['Int']['output'];
  /** Backend or execution provider of the latest result (tfjs: tensorflow, wasm, cpu, webgpu; onnx: cpu, webgpu, cuda); null before any. */
  backend: Maybe<Scalars['String']['output']>;
  /** Set when the experiment was cancelled. */
  cancelledAt: Maybe<Scalars['String']['output']>;
  config: ExperimentConfig;
  /** Compute spent so far in PFLOPs (sum of the stored results' FLOPs, largest configuration). */
  costPflops: Scalars['Float']['output'];
  createdAt: Scalars['String']['output'];
  /** Engine of the latest result (tfjs or onnx); null before any. */
  engine: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /**
   * The error of the latest job that failed for good (its last attempt threw, or its worker died
   * during it), as `<hash>: <message>`; null until one does. Kept when jobs are queued again.
   */
  lastError: Maybe<Scalars['String']['output']>;
  /** When lastError was set. */
  lastErrorAt: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  precision: Scalars['String']['output'];
  progress: ExperimentProgress;
  /** Stored results (one per architecture and configuration). */
  resultCount: Scalars['Int']['output'];
  retention: Scalars['String']['output'];
  status: ExperimentStatus;
};

export type ExperimentConfig = {
  __typename?: 'ExperimentConfig';
  bnBatchSize: Scalars['Int']['output'];
  /** Smaller configurations derived from the stored kernels. */
  configs: Array<NngpConfig>;
  dataset: Scalars['String']['output'];
  /** The engine its jobs run on (tfjs or onnx); null for experiments made before engines were chosen. */
  engine: Maybe<Scalars['String']['output']>;
  ensemble: Scalars['Int']['output'];
  /** MNAS: the ImageNet-format folder its images were drawn from; null for NAS-Bench-101. */
  images: Maybe<Scalars['String']['output']>;
  /** The kernels it estimates for every architecture: [NNGP] unless it adds the NTK. */
  kernels: Array<KernelKind>;
  /** MNAS: 'all' classes or the size of the seeded label subset; null for NAS-Bench-101. */
  labels: Maybe<Scalars['String']['output']>;
  modulesPerStack: Scalars['Int']['output'];
  nTrain: Scalars['Int']['output'];
  nVal: Scalars['Int']['output'];
  /** MNAS: side of the centre crop in pixels; null for NAS-Bench-101. */
  resolution: Maybe<Scalars['Int']['output']>;
  seed: Scalars['Int']['output'];
  /** The search space of its architectures. */
  space: SearchSpace;
  stacks: Scalars['Int']['output'];
  stemChannels: Scalars['Int']['output'];
};

/** Architectures of the largest configuration: done, queued, failing; rate over the last hour. */
export type ExperimentProgress = {
  __typename?: 'ExperimentProgress';
  done: Scalars['Int']['output'];
  /** Seconds until the queue empties at that rate; null without rate or queue. */
  etaSeconds: Maybe<Scalars['Float']['output']>;
  /** Jobs that failed their last attempt (retried up to their limit). */
  failed: Scalars['Int']['output'];
  /** Jobs out of attempts: their architectures stay unevaluated until queued again. */
  failedForGood: Scalars['Int']['output'];
  /** Queued or running jobs. */
  queued: Scalars['Int']['output'];
  /** Architectures per hour over the last hour's results; null with fewer than two. */
  ratePerHour: Maybe<Scalars['Float']['output']>;
  running: Scalars['Int']['output'];
  /** done + queued. */
  total: Scalars['Int']['output'];
};

export type ExperimentStatus =
  /** Cancelled; its queued jobs were removed. */
  | 'CANCELLED'
  /** Nothing queued; results stored. */
  | 'COMPLETED'
  /** No results and nothing queued. */
  | 'CREATED'
  /** Nothing queued or running, and some jobs failed for good (see lastError, progress.failedForGood). */
  | 'FAILED'
  /** Jobs are waiting; none is running. */
  | 'QUEUED'
  /** A worker is evaluating one of its architectures. */
  | 'RUNNING';

/** Paper Fig. 7 on the networks that have both an NNGP result and measurements. */
export type Fig7 = {
  __typename?: 'Fig7';
  config: NngpConfig;
  experiment: Experiment;
  k: Scalars['Int']['output'];
  /** Measured networks without an NNGP accuracy at the configuration. */
  measuredOnly: Scalars['Int']['output'];
  /** Networks in the analysis. */
  networks: Scalars['Int']['output'];
  /** Networks with an NNGP accuracy but no measurements. */
  nngpOnly: Scalars['Int']['output'];
  nngpVsAccuracy5: Fig7Correlation;
  nngpVsReward: Fig7Correlation;
  reward: Reward;
  /** Top k by NNGP, by 5-epoch accuracy, by reward, and k random ones, in that order. */
  selections: Array<Fig7Selection>;
};

/** Kendall τ and Pearson r with 95 % bootstrap intervals; null when undefined (a constant series). */
export type Fig7Correlation = {
  __typename?: 'Fig7Correlation';
  kendallTau: Maybe<Scalars['Float']['output']>;
  kendallTauInterval: Maybe<Interval>;
  pearson: Maybe<Scalars['Float']['output']>;
  pearsonInterval: Maybe<Interval>;
};

export type Fig7Network = {
  __typename?: 'Fig7Network';
  accuracy5Epoch: Scalars['Float']['output'];
  encoding: Scalars['String']['output'];
  finalAccuracy: Maybe<Scalars['Float']['output']>;
  hash: Scalars['ID']['output'];
  latencyMs: Scalars['Float']['output'];
  nngpAccuracy: Scalars['Float']['output'];
  reward: Scalars['Float']['output'];
};

export type Fig7Selection = {
  __typename?: 'Fig7Selection';
  bestFinal: Maybe<Scalars['Float']['output']>;
  /** Mean and best measured final accuracy; null when none is measured. */
  meanFinal: Maybe<Scalars['Float']['output']>;
  /** Chosen networks without a final accuracy. */
  missingFinal: Scalars['Int']['output'];
  name: Fig7SelectionName;
  /** Best first (draw order for RANDOM). */
  networks: Array<Fig7Network>;
};

export type Fig7SelectionName = 'ACCURACY_5' | 'NNGP' | 'RANDOM' | 'REWARD';

/** The ground truth: mean final validation accuracy over the repeats of `epochs`. */
export type GroundTruthInput = {
  epochs?: InputMaybe<Scalars['Int']['input']>;
};

export type HistogramBin = {
  __typename?: 'HistogramBin';
  count: Scalars['Int']['output'];
  /** Exclusive upper bound (inclusive for the last bin). */
  max: Scalars['Float']['output'];
  /** Inclusive lower bound in parameters. */
  min: Scalars['Float']['output'];
};

export type HybridFit = {
  __typename?: 'HybridFit';
  bias: Scalars['Float']['output'];
  /** Architectures fitted on. */
  count: Scalars['Int']['output'];
  epoch4Coefficient: Scalars['Float']['output'];
  nngpCoefficient: Scalars['Float']['output'];
  rSquared: Scalars['Float']['output'];
  /** Null for three or fewer architectures. */
  residualStandardError: Maybe<Scalars['Float']['output']>;
};

export type HybridResult = {
  __typename?: 'HybridResult';
  /** Null when the fit is not determined (fewer than three architectures, collinear inputs). */
  fit: Maybe<HybridFit>;
  /** The hybrid score evaluated against the ground truth; null with the fit. */
  metrics: Maybe<PredictorMetrics>;
  notes: Array<Scalars['String']['output']>;
};

/** An inclusive range; a missing bound is open. */
export type IntRange = {
  max?: InputMaybe<Scalars['Int']['input']>;
  min?: InputMaybe<Scalars['Int']['input']>;
};

/** A confidence interval. */
export type Interval = {
  __typename?: 'Interval';
  high: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
};

/**
 * Percentile-bootstrap confidence intervals of `metrics`, the same computation as `nngp compare
 * --json` (compute/src/metrics/bootstrap.ts), seeded, so the same arguments give the same bounds.
 * `resamples` is at most 10,000; `level` in (0, 1); `seed` at least 0.
 */
export type IntervalsInput = {
  level?: InputMaybe<Scalars['Float']['input']>;
  resamples?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The kernel an NNGP predictor's inference uses: the NNGP kernel (Monte-Carlo, from the network's
 * features) or the empirical neural tangent kernel (from its parameter gradients), estimated on the
 * same data and initialisations when an experiment has both.
 */
export type KernelKind = 'NNGP' | 'NTK';

/** Measured MNAS results of one network (`nngp mnas import`). */
export type MnasMeasurement = {
  __typename?: 'MnasMeasurement';
  /** Validation accuracy after 5 epochs of training (the MNAS proxy task). */
  accuracy5Epoch: Scalars['Float']['output'];
  /** Test accuracy after full training; null where it was not trained in full. */
  finalAccuracy: Maybe<Scalars['Float']['output']>;
  latencyExponent: Scalars['Float']['output'];
  latencyMs: Scalars['Float']['output'];
  /** ACC × (LAT / T)^w with the T and w it was imported with. */
  reward: Scalars['Float']['output'];
  /** The file it was imported from. */
  source: Scalars['String']['output'];
  targetLatencyMs: Scalars['Float']['output'];
};

export type ModelSizeCorrelation = {
  __typename?: 'ModelSizeCorrelation';
  count: Scalars['Int']['output'];
  kendallTau: Maybe<Scalars['Float']['output']>;
  pearson: Maybe<Scalars['Float']['output']>;
  predictor: Scalars['String']['output'];
};

/**
 * Changes; each needs the bearer token of `NNGP_API_TOKEN` in the Authorization header
 * (`Authorization: Bearer <token>`). Without the variable set, the API is read-only and every
 * mutation is UNAUTHENTICATED.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Removes the experiment's queued jobs (running ones finish) and marks it cancelled. */
  cancelExperiment: CancelResult;
  /** Creates an NNGP experiment (no evaluations yet); a taken name is BAD_USER_INPUT. */
  createExperiment: Experiment;
  /**
   * Queues evaluations of the architectures matching `filter`, or of `hashes`, (at most `limit`,
   * default and cap 50,000) in the experiment, one graphile-worker job per (experiment,
   * architecture); architectures already evaluated or queued are skipped. Re-queues a cancelled
   * experiment. Which `limit` are taken: the first by hash, or with `seed` the first in the seeded
   * random order md5(seed || hash) that `nngp evaluate --archs filter:… --seed S --limit N` uses.
   */
  enqueueEvaluations: EnqueueResult;
};

/**
 * Changes; each needs the bearer token of `NNGP_API_TOKEN` in the Authorization header
 * (`Authorization: Bearer <token>`). Without the variable set, the API is read-only and every
 * mutation is UNAUTHENTICATED.
 */
export type MutationCancelExperimentArgs = {
  id: Scalars['ID']['input'];
};

/**
 * Changes; each needs the bearer token of `NNGP_API_TOKEN` in the Authorization header
 * (`Authorization: Bearer <token>`). Without the variable set, the API is read-only and every
 * mutation is UNAUTHENTICATED.
 */
export type MutationCreateExperimentArgs = {
  input: CreateExperimentInput;
};

/**
 * Changes; each needs the bearer token of `NNGP_API_TOKEN` in the Authorization header
 * (`Authorization: Bearer <token>`). Without the variable set, the API is read-only and every
 * mutation is UNAUTHENTICATED.
 */
export type MutationEnqueueEvaluationsArgs = {
  experiment: Scalars['ID']['input'];
  filter?: InputMaybe<ArchitectureFilter>;
  hashes?: InputMaybe<Array<Scalars['ID']['input']>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
};

export type NngpConfig = {
  __typename?: 'NngpConfig';
  ensemble: Scalars['Int']['output'];
  nTrain: Scalars['Int']['output'];
  nVal: Scalars['Int']['output'];
};

/** One NNGP configuration of an experiment; each field defaults to the experiment's own. */
export type NngpConfigInput = {
  ensemble?: InputMaybe<Scalars['Int']['input']>;
  experiment: Scalars['ID']['input'];
  nTrain?: InputMaybe<Scalars['Int']['input']>;
  nVal?: InputMaybe<Scalars['Int']['input']>;
};

export type NngpConfigShapeInput = {
  ensemble: Scalars['Int']['input'];
  nTrain: Scalars['Int']['input'];
  nVal: Scalars['Int']['input'];
};

/** NNGP validation accuracy of one architecture for one (nTrain, nVal, ensemble) configuration. */
export type NngpResult = {
  __typename?: 'NngpResult';
  /** Accuracy per regularizer (same order as `regularizers`); null where the solve failed. */
  accuracies: Array<Maybe<Scalars['Float']['output']>>;
  /** Best accuracy over the regularizer grid; null when every solve failed. */
  accuracy: Maybe<Scalars['Float']['output']>;
  /** The engine's backend (tfjs: tensorflow, wasm, cpu, webgpu) or execution provider (onnx: cpu, webgpu, cuda). */
  backend: Scalars['String']['output'];
  /** The engine that computed its kernel: tfjs or onnx. */
  engine: Scalars['String']['output'];
  ensemble: Scalars['Int']['output'];
  experiment: Experiment;
  /** Cost of this evaluation in FLOPs. */
  flops: Scalars['Float']['output'];
  /** The kernel its inference used: NNGP, or the empirical NTK. */
  kind: KernelKind;
  nTrain: Scalars['Int']['output'];
  nVal: Scalars['Int']['output'];
  regularizers: Array<Scalars['Float']['output']>;
  seconds: Scalars['Float']['output'];
};

export type OrderDirection = 'ASC' | 'DESC';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** PQETP at one ground-truth threshold: AUROC of the predictor for 'truth above threshold'. */
export type Pqetp = {
  __typename?: 'Pqetp';
  /** Null when every architecture is on one side of the threshold. */
  auroc: Maybe<Scalars['Float']['output']>;
  /**
   * With `metrics(intervals:)`: the percentile-bootstrap interval of the AUROC (the architectures
   * resampled with replacement, as for `kendallTauInterval`); null without, or when no resample
   * has architectures on both sides.
   */
  interval: Maybe<Interval>;
  threshold: Scalars['Float']['output'];
};

export type PredictorInput = {
  ensemble?: InputMaybe<Scalars['Int']['input']>;
  /** TRAINING: the epoch budget (4, 12, 36 or 108). */
  epochs?: InputMaybe<Scalars['Int']['input']>;
  /** NNGP, HYBRID: the experiment. */
  experiment?: InputMaybe<Scalars['ID']['input']>;
  /** NNGP, HYBRID: inference with the NNGP kernel (the default) or the experiment's empirical NTK. */
  kernel?: InputMaybe<KernelKind>;
  kind: PredictorKind;
  /** NNGP, HYBRID: configuration; each defaults to the experiment's own. */
  nTrain?: InputMaybe<Scalars['Int']['input']>;
  nVal?: InputMaybe<Scalars['Int']['input']>;
  /** Label of the result; defaults to a description such as 'epochs 12 repeat 0'. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** PROXY: the proxy name, e.g. zen_score. */
  proxy?: InputMaybe<Scalars['String']['input']>;
  /**
   * TRAINING, HYBRID: which training run: repeat 0 (the default, as NAS-Bench-101's shortened
   * training is one run), 1, 2, or "mean" (the mean over the repeats stored, its cost one training
   * run per repeat averaged).
   */
  repeat?: InputMaybe<Scalars['TrainingRepeat']['input']>;
};

export type PredictorKind =
  /**
   * The hybrid metric of NNGP (`experiment`, configuration) and 4-epoch training, fitted on the
   * 12-epoch accuracy of the filtered architectures (see `hybrid`).
   */
  | 'HYBRID'
  /** Trainable parameter count. */
  | 'MODEL_SIZE'
  /** NNGP accuracy of one experiment configuration (`experiment`, `nTrain`/`nVal`/`ensemble`). */
  | 'NNGP'
  /** An imported zero-cost proxy score (`proxy`). */
  | 'PROXY'
  /** Final validation accuracy after `epochs` of training, of one `repeat` (default 0) or their mean. */
  | 'TRAINING';

export type PredictorMetrics = {
  __typename?: 'PredictorMetrics';
  /** Cost of the predictor over the counted architectures in PFLOPs; null where unknown. */
  costPflops: Maybe<Scalars['Float']['output']>;
  /** Architectures with both the predictor and the ground truth (within the filter). */
  count: Scalars['Int']['output'];
  /** Null when no architecture has both values. */
  discovered: Maybe<Discovered>;
  /**
   * With `metrics(intervals:)`: a percentile-bootstrap interval of `discovered.mean` over the
   * discovery subsets (each subset's best ground truth resampled with replacement, not a normal
   * mean ± z·s.e.); null without, for a single subset, or with no architecture in common.
   */
  discoveredInterval: Maybe<Interval>;
  kendallTau: Maybe<Scalars['Float']['output']>;
  /** With `metrics(intervals:)`: percentile-bootstrap interval of τ-b (pairs resampled); else null. */
  kendallTauInterval: Maybe<Interval>;
  /** Why a statistic is null, or how a default was adapted. */
  notes: Array<Scalars['String']['output']>;
  pearson: Maybe<Scalars['Float']['output']>;
  /** With `metrics(intervals:)`: percentile-bootstrap interval of r (pairs resampled); else null. */
  pearsonInterval: Maybe<Interval>;
  pqetp: Array<Pqetp>;
  /** The predictor's label. */
  predictor: Scalars['String']['output'];
  /** TRAINING and HYBRID: the repeat read (0, 1, 2 or "mean"); null for other predictors. */
  repeat: Maybe<Scalars['TrainingRepeat']['output']>;
  /**
   * Training runs `costPflops` charges over the counted architectures: one each for a single
   * repeat, one per repeat averaged for "mean"; null for predictors that train nothing.
   */
  trainingRuns: Maybe<Scalars['Int']['output']>;
};

export type PredictorPercentile = {
  __typename?: 'PredictorPercentile';
  /** Mean percentile rank (0-100). */
  meanPercentile: Scalars['Float']['output'];
  predictor: Scalars['String']['output'];
};

export type ProxyScore = {
  __typename?: 'ProxyScore';
  name: Scalars['String']['output'];
  source: Scalars['String']['output'];
  /** Null where the source had no score. */
  value: Maybe<Scalars['Float']['output']>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type Query = {
  __typename?: 'Query';
  /** One architecture by its NAS-Bench-101 module hash; an unknown hash is a NOT_FOUND error. */
  architecture: Maybe<Architecture>;
  /**
   * Architectures matching every given filter (AND), as a Relay connection. `first` defaults to
   * 50 and is at most 500; `after` is an `endCursor` from a previous page with the same `orderBy`.
   */
  architectures: ArchitectureConnection;
  /** One NNGP experiment; an unknown id is a NOT_FOUND error. */
  experiment: Maybe<Experiment>;
  /** Every NNGP experiment, newest first; with `space`, those of that search space. */
  experiments: Array<Experiment>;
  /**
   * Paper Fig. 7 for an MNAS experiment against the imported MNAS measurements: the top `k` networks
   * by NNGP accuracy, by 5-epoch accuracy and by reward, and `k` seeded random ones, each with its
   * final accuracy; τ and r (95 % bootstrap intervals) of NNGP accuracy against the reward. The
   * reward is ACC × (LAT / T)^w of the 5-epoch accuracy and the latency, with the T and w the
   * measurements were imported with unless `reward` gives others; `config` defaults to the
   * experiment's largest. A NAS-Bench-101 experiment, or one with no measured network, is a
   * BAD_USER_INPUT error.
   */
  fig7: Fig7;
  /**
   * The hybrid metric (paper Fig. 9): least squares of 12-epoch accuracy on (4-epoch accuracy,
   * NNGP accuracy, 1) over the filtered architectures, and the fitted score evaluated as a
   * predictor (its cost is 4-epoch training plus the NNGP evaluation). `repeat` chooses the 4- and
   * 12-epoch training runs: 0 (default), 1, 2 or "mean" (each repeat averaged is charged as a run).
   */
  hybrid: HybridResult;
  /**
   * How well each predictor ranks the architectures matching `filter` against the ground truth:
   * Kendall's τ-b, Pearson's r, PQETP, discovered performance and cost (DESIGN.md §5). Each
   * predictor is evaluated over the architectures that have both it and the ground truth.
   * `thresholds` are PQETP thresholds on the ground truth (default 0.78..0.948 step 0.003);
   * `subsets` are the discovery subsets (default 10 × 10,000, seed 0, the size capped at the
   * number of architectures). Bad predictors are BAD_USER_INPUT naming `predictors`.
   */
  metrics: Array<PredictorMetrics>;
  /**
   * Correlation of each predictor with the trainable-parameter count (paper Fig. 6): low values
   * mean the predictor is not just measuring model size.
   */
  modelSizeCorrelation: Array<ModelSizeCorrelation>;
  /**
   * Histogram of trainable-parameter counts over the filtered architectures (paper Fig. S7),
   * `bins` equal-width bins on a log10 scale (default 60, at most 500).
   */
  parameterHistogram: Array<HistogramBin>;
  /**
   * Every predictor stored: shortened training at each stored (epochs, repeat) of 4, 12 and 36
   * epochs and the mean over each budget's repeats, model size, each imported proxy and each NNGP
   * configuration of each experiment, with how many architectures matching `filter` have it
   * (count 0 when it is stored only outside the filter). Its fields select it in `metrics`.
   */
  predictors: Array<AvailablePredictor>;
  /**
   * Residual-connection bias (paper Fig. 4): per residual-connection count, the mean percentile
   * rank of its architectures under each predictor, over the architectures having all of them.
   * Default predictors: training at 4, 12 and 36 epochs (repeat 0) and at 108 epochs (the mean
   * over repeats, the ground truth).
   */
  residualBias: Array<ResidualBiasRow>;
  /**
   * Points for a scatter plot of `y` (default: the ground truth) against `x` over the filtered
   * architectures having both (paper Fig. S3/S4, S7). At most `limit` points (default 2,000, at
   * most 20,000) are returned: a seeded uniform sample when there are more, and `sampled` says so.
   */
  scatter: Scatter;
  /**
   * Search-space reduction (paper Fig. 8): in each discovery subset keep the top `keepPercents`
   * by the NNGP configuration, then discover with `epochs`-epoch training among the kept; with the
   * baselines of no screening and a random keep. Architectures need the ground truth, the NNGP
   * result and every training budget. Defaults: epochs [12, 36], keepPercents [30, 10].
   */
  searchSpaceReduction: Array<ReductionRow>;
  /**
   * Model-size clusters with their architecture counts: the stored default clusters (split at gaps
   * in the parameter counts), or, with `boundaries`, clusters cut at those parameter counts.
   * Ids are stable: ordered by size, from 0.
   */
  sizeClusters: Array<SizeCluster>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryArchitectureArgs = {
  hash: Scalars['ID']['input'];
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryArchitecturesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArchitectureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArchitectureOrder>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryExperimentsArgs = {
  space?: InputMaybe<SearchSpace>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryFig7Args = {
  config?: InputMaybe<NngpConfigShapeInput>;
  experiment: Scalars['ID']['input'];
  k?: InputMaybe<Scalars['Int']['input']>;
  reward?: InputMaybe<RewardInput>;
  seed?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryHybridArgs = {
  filter?: InputMaybe<ArchitectureFilter>;
  groundTruth?: InputMaybe<GroundTruthInput>;
  nngp: NngpConfigInput;
  repeat?: InputMaybe<Scalars['TrainingRepeat']['input']>;
  subsets?: InputMaybe<SubsetsInput>;
  thresholds?: InputMaybe<Array<Scalars['Float']['input']>>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryMetricsArgs = {
  filter?: InputMaybe<ArchitectureFilter>;
  groundTruth?: InputMaybe<GroundTruthInput>;
  intervals?: InputMaybe<IntervalsInput>;
  predictors: Array<PredictorInput>;
  subsets?: InputMaybe<SubsetsInput>;
  thresholds?: InputMaybe<Array<Scalars['Float']['input']>>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryModelSizeCorrelationArgs = {
  filter?: InputMaybe<ArchitectureFilter>;
  predictors: Array<PredictorInput>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryParameterHistogramArgs = {
  bins?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<ArchitectureFilter>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryPredictorsArgs = {
  filter?: InputMaybe<ArchitectureFilter>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryResidualBiasArgs = {
  filter?: InputMaybe<ArchitectureFilter>;
  predictors?: InputMaybe<Array<PredictorInput>>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QueryScatterArgs = {
  filter?: InputMaybe<ArchitectureFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  x: PredictorInput;
  y?: InputMaybe<PredictorInput>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QuerySearchSpaceReductionArgs = {
  epochs?: InputMaybe<Array<Scalars['Int']['input']>>;
  filter?: InputMaybe<ArchitectureFilter>;
  groundTruth?: InputMaybe<GroundTruthInput>;
  keepPercents?: InputMaybe<Array<Scalars['Float']['input']>>;
  nngp: NngpConfigInput;
  repeat?: InputMaybe<Scalars['TrainingRepeat']['input']>;
  subsets?: InputMaybe<SubsetsInput>;
};

/**
 * The NNGP-NAS API: NAS-Bench-101 architectures with their training records, NNGP results and
 * zero-cost proxy scores, browsable by model-size cluster and residual-connection count.
 * This file is the source of truth: resolver types are generated from it (pnpm --filter
 * @nngp-nas/server codegen).
 */
export type QuerySizeClustersArgs = {
  boundaries?: InputMaybe<Array<Scalars['Float']['input']>>;
  space?: InputMaybe<SearchSpace>;
};

/** One search strategy of the search-space reduction. */
export type ReductionRow = {
  __typename?: 'ReductionRow';
  /** Mean compute per subset in PFLOPs (NNGP over the subset, training over the kept). */
  costPflops: Scalars['Float']['output'];
  discovered: Discovered;
  /** Training budget of the discovery step. */
  epochs: Scalars['Int']['output'];
  /** Percent of each subset kept; null without screening. */
  keepPercent: Maybe<Scalars['Float']['output']>;
  screening: Screening;
};

export type ResidualBiasRow = {
  __typename?: 'ResidualBiasRow';
  architectures: Scalars['Int']['output'];
  percentiles: Array<PredictorPercentile>;
  residualConnections: Scalars['Int']['output'];
};

export type Reward = {
  __typename?: 'Reward';
  exponent: Scalars['Float']['output'];
  targetLatencyMs: Scalars['Float']['output'];
};

/**
 * The reward ACC × (LAT / T)^w (MnasNet: T = 75 ms, w = −0.07). A field not given is the one the
 * measurements were imported with (`nngp mnas import --target-latency --exponent`).
 */
export type RewardInput = {
  exponent?: InputMaybe<Scalars['Float']['input']>;
  targetLatencyMs?: InputMaybe<Scalars['Float']['input']>;
};

export type Scatter = {
  __typename?: 'Scatter';
  points: Array<ScatterPoint>;
  /** Whether `points` is a sample of `total`. */
  sampled: Scalars['Boolean']['output'];
  /** Architectures having both values. */
  total: Scalars['Int']['output'];
  /** Label of x. */
  x: Scalars['String']['output'];
  /** Label of y. */
  y: Scalars['String']['output'];
};

export type ScatterPoint = {
  __typename?: 'ScatterPoint';
  hash: Scalars['ID']['output'];
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

export type Screening = 'NNGP' | 'NONE' | 'RANDOM';

/** A search space: which architectures, and which ground truth. */
export type SearchSpace =
  /** MnasNet networks on ImageNet-format data; ground truth: the reward of the imported measurements. */
  | 'MNAS'
  /** NAS-Bench-101 cells on CIFAR-10; ground truth: mean 108-epoch validation accuracy. */
  | 'NASBENCH_101';

export type SizeCluster = {
  __typename?: 'SizeCluster';
  /** The architectures of this cluster (by parameter range). */
  architectures: ArchitectureConnection;
  count: Scalars['Int']['output'];
  id: Scalars['Int']['output'];
  label: Scalars['String']['output'];
  /** Infinite bounds (the open top of explicit boundaries) are returned as null. */
  maxParameters: Maybe<Scalars['Float']['output']>;
  minParameters: Scalars['Float']['output'];
};

export type SizeClusterArchitecturesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArchitectureOrder>;
};

/** Random discovery subsets; each field defaults to the paper's (10 subsets of 10,000, seed 0). */
export type SubsetsInput = {
  count?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  size?: InputMaybe<Scalars['Int']['input']>;
};

/** Means over the repeats of one epoch budget (nulls are skipped). */
export type TrainingMean = {
  __typename?: 'TrainingMean';
  epochs: Scalars['Int']['output'];
  repeats: Scalars['Int']['output'];
  testAccuracy: Maybe<Scalars['Float']['output']>;
  trainAccuracy: Maybe<Scalars['Float']['output']>;
  trainingTime: Maybe<Scalars['Float']['output']>;
  validationAccuracy: Maybe<Scalars['Float']['output']>;
};

/** One NAS-Bench-101 training run at the end of its budget. */
export type TrainingRun = {
  __typename?: 'TrainingRun';
  epochs: Scalars['Int']['output'];
  repeat: Scalars['Int']['output'];
  testAccuracy: Maybe<Scalars['Float']['output']>;
  trainAccuracy: Maybe<Scalars['Float']['output']>;
  /** Seconds. */
  trainingTime: Maybe<Scalars['Float']['output']>;
  validationAccuracy: Maybe<Scalars['Float']['output']>;
};

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ResolverFn<TResult, TParent, TContext, TArgs>
  | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<
  TResult,
  TKey extends string,
  TParent,
  TContext,
  TArgs,
> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<
  TTypes,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<
  T = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Architecture: ResolverTypeWrapper<ArchitectureRow>;
  ArchitectureConnection: ResolverTypeWrapper<ArchitecturePage>;
  ArchitectureEdge: ResolverTypeWrapper<ArchitectureEdgeModel>;
  ArchitectureFilter: ArchitectureFilter;
  ArchitectureOrder: ArchitectureOrder;
  ArchitectureOrderField: ArchitectureOrderField;
  AvailablePredictor: ResolverTypeWrapper<AvailablePredictor>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelResult: ResolverTypeWrapper<
    Omit<CancelResult, 'experiment'> & { experiment: ResolversTypes['Experiment'] }
  >;
  CreateExperimentInput: CreateExperimentInput;
  Discovered: ResolverTypeWrapper<Discovered>;
  EnqueueResult: ResolverTypeWrapper<
    Omit<EnqueueResult, 'experiment'> & { experiment: ResolversTypes['Experiment'] }
  >;
  Experiment: ResolverTypeWrapper<NngpExperimentRow>;
  ExperimentConfig: ResolverTypeWrapper<StoredExperimentConfig>;
  ExperimentProgress: ResolverTypeWrapper<ExperimentProgress>;
  ExperimentStatus: ExperimentStatus;
  Fig7: ResolverTypeWrapper<Fig7Model>;
  Fig7Correlation: ResolverTypeWrapper<Fig7Correlation>;
  Fig7Network: ResolverTypeWrapper<Fig7Network>;
  Fig7Selection: ResolverTypeWrapper<Fig7Selection>;
  Fig7SelectionName: Fig7SelectionName;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GroundTruthInput: GroundTruthInput;
  HistogramBin: ResolverTypeWrapper<HistogramBin>;
  HybridFit: ResolverTypeWrapper<HybridFit>;
  HybridResult: ResolverTypeWrapper<HybridResult>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IntRange: IntRange;
  Interval: ResolverTypeWrapper<Interval>;
  IntervalsInput: IntervalsInput;
  KernelKind: KernelKind;
  MnasMeasurement: ResolverTypeWrapper<MnasMeasurementRow>;
  ModelSizeCorrelation: ResolverTypeWrapper<ModelSizeCorrelation>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NngpConfig: ResolverTypeWrapper<NngpConfig>;
  NngpConfigInput: NngpConfigInput;
  NngpConfigShapeInput: NngpConfigShapeInput;
  NngpResult: ResolverTypeWrapper<NngpResultRow>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Pqetp: ResolverTypeWrapper<Pqetp>;
  PredictorInput: PredictorInput;
  PredictorKind: PredictorKind;
  PredictorMetrics: ResolverTypeWrapper<PredictorMetrics>;
  PredictorPercentile: ResolverTypeWrapper<PredictorPercentile>;
  ProxyScore: ResolverTypeWrapper<ProxyScoreRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReductionRow: ResolverTypeWrapper<ReductionRow>;
  ResidualBiasRow: ResolverTypeWrapper<ResidualBiasRow>;
  Reward: ResolverTypeWrapper<Reward>;
  RewardInput: RewardInput;
  Scatter: ResolverTypeWrapper<Scatter>;
  ScatterPoint: ResolverTypeWrapper<ScatterPoint>;
  Screening: Screening;
  SearchSpace: SearchSpace;
  SizeCluster: ResolverTypeWrapper<SizeClusterModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SubsetsInput: SubsetsInput;
  TrainingMean: ResolverTypeWrapper<TrainingMean>;
  TrainingRepeat: ResolverTypeWrapper<Scalars['TrainingRepeat']['output']>;
  TrainingRun: ResolverTypeWrapper<TrainingRecordRow>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Architecture: ArchitectureRow;
  ArchitectureConnection: ArchitecturePage;
  ArchitectureEdge: ArchitectureEdgeModel;
  ArchitectureFilter: ArchitectureFilter;
  ArchitectureOrder: ArchitectureOrder;
  AvailablePredictor: AvailablePredictor;
  Boolean: Scalars['Boolean']['output'];
  CancelResult: Omit<CancelResult, 'experiment'> & {
    experiment: ResolversParentTypes['Experiment'];
  };
  CreateExperimentInput: CreateExperimentInput;
  Discovered: Discovered;
  EnqueueResult: Omit<EnqueueResult, 'experiment'> & {
    experiment: ResolversParentTypes['Experiment'];
  };
  Experiment: NngpExperimentRow;
  ExperimentConfig: StoredExperimentConfig;
  ExperimentProgress: ExperimentProgress;
  Fig7: Fig7Model;
  Fig7Correlation: Fig7Correlation;
  Fig7Network: Fig7Network;
  Fig7Selection: Fig7Selection;
  Float: Scalars['Float']['output'];
  GroundTruthInput: GroundTruthInput;
  HistogramBin: HistogramBin;
  HybridFit: HybridFit;
  HybridResult: HybridResult;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IntRange: IntRange;
  Interval: Interval;
  IntervalsInput: IntervalsInput;
  MnasMeasurement: MnasMeasurementRow;
  ModelSizeCorrelation: ModelSizeCorrelation;
  Mutation: Record<PropertyKey, never>;
  NngpConfig: NngpConfig;
  NngpConfigInput: NngpConfigInput;
  NngpConfigShapeInput: NngpConfigShapeInput;
  NngpResult: NngpResultRow;
  PageInfo: PageInfo;
  Pqetp: Pqetp;
  PredictorInput: PredictorInput;
  PredictorMetrics: PredictorMetrics;
  PredictorPercentile: PredictorPercentile;
  ProxyScore: ProxyScoreRow;
  Query: Record<PropertyKey, never>;
  ReductionRow: ReductionRow;
  ResidualBiasRow: ResidualBiasRow;
  Reward: Reward;
  RewardInput: RewardInput;
  Scatter: Scatter;
  ScatterPoint: ScatterPoint;
  SizeCluster: SizeClusterModel;
  String: Scalars['String']['output'];
  SubsetsInput: SubsetsInput;
  TrainingMean: TrainingMean;
  TrainingRepeat: Scalars['TrainingRepeat']['output'];
  TrainingRun: TrainingRecordRow;
};

export type ArchitectureResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Architecture'] = ResolversParentTypes['Architecture'],
> = {
  encoding?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  flops?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  groundTruth?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matrix?: Resolver<Maybe<Array<Array<ResolversTypes['Int']>>>, ParentType, ContextType>;
  mnas?: Resolver<Maybe<ResolversTypes['MnasMeasurement']>, ParentType, ContextType>;
  nngp?: Resolver<
    Array<ResolversTypes['NngpResult']>,
    ParentType,
    ContextType,
    Partial<ArchitectureNngpArgs>
  >;
  operations?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  proxies?: Resolver<Array<ResolversTypes['ProxyScore']>, ParentType, ContextType>;
  residualConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sizeCluster?: Resolver<Maybe<ResolversTypes['SizeCluster']>, ParentType, ContextType>;
  space?: Resolver<ResolversTypes['SearchSpace'], ParentType, ContextType>;
  trainableParameters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  training?: Resolver<
    Array<ResolversTypes['TrainingRun']>,
    ParentType,
    ContextType,
    Partial<ArchitectureTrainingArgs>
  >;
  trainingMeans?: Resolver<Array<ResolversTypes['TrainingMean']>, ParentType, ContextType>;
};

export type ArchitectureConnectionResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['ArchitectureConnection'] = ResolversParentTypes['ArchitectureConnection'],
> = {
  edges?: Resolver<Array<ResolversTypes['ArchitectureEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ArchitectureEdgeResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['ArchitectureEdge'] = ResolversParentTypes['ArchitectureEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Architecture'], ParentType, ContextType>;
};

export type AvailablePredictorResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['AvailablePredictor'] = ResolversParentTypes['AvailablePredictor'],
> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ensemble?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  epochs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  experiment?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kernel?: Resolver<Maybe<ResolversTypes['KernelKind']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PredictorKind'], ParentType, ContextType>;
  nTrain?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nVal?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  proxy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  repeat?: Resolver<Maybe<ResolversTypes['TrainingRepeat']>, ParentType, ContextType>;
};

export type CancelResultResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['CancelResult'] = ResolversParentTypes['CancelResult'],
> = {
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  removedJobs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DiscoveredResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Discovered'] = ResolversParentTypes['Discovered'],
> = {
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  standardError?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  subsetSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  topK?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EnqueueResultResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['EnqueueResult'] = ResolversParentTypes['EnqueueResult'],
> = {
  alreadyDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  alreadyQueued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enqueued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
};

export type ExperimentResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Experiment'] = ResolversParentTypes['Experiment'],
> = {
  architectureCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backend?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  config?: Resolver<ResolversTypes['ExperimentConfig'], ParentType, ContextType>;
  costPflops?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  engine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastErrorAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  precision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['ExperimentProgress'], ParentType, ContextType>;
  resultCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retention?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExperimentStatus'], ParentType, ContextType>;
};

export type ExperimentConfigResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['ExperimentConfig'] = ResolversParentTypes['ExperimentConfig'],
> = {
  bnBatchSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  configs?: Resolver<Array<ResolversTypes['NngpConfig']>, ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  engine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ensemble?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  images?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kernels?: Resolver<Array<ResolversTypes['KernelKind']>, ParentType, ContextType>;
  labels?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modulesPerStack?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nTrain?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nVal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolution?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  space?: Resolver<ResolversTypes['SearchSpace'], ParentType, ContextType>;
  stacks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stemChannels?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExperimentProgressResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['ExperimentProgress'] = ResolversParentTypes['ExperimentProgress'],
> = {
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  etaSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedForGood?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ratePerHour?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Fig7Resolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Fig7'] = ResolversParentTypes['Fig7'],
> = {
  config?: Resolver<ResolversTypes['NngpConfig'], ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measuredOnly?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nngpOnly?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nngpVsAccuracy5?: Resolver<ResolversTypes['Fig7Correlation'], ParentType, ContextType>;
  nngpVsReward?: Resolver<ResolversTypes['Fig7Correlation'], ParentType, ContextType>;
  reward?: Resolver<ResolversTypes['Reward'], ParentType, ContextType>;
  selections?: Resolver<Array<ResolversTypes['Fig7Selection']>, ParentType, ContextType>;
};

export type Fig7CorrelationResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['Fig7Correlation'] = ResolversParentTypes['Fig7Correlation'],
> = {
  kendallTau?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  kendallTauInterval?: Resolver<Maybe<ResolversTypes['Interval']>, ParentType, ContextType>;
  pearson?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pearsonInterval?: Resolver<Maybe<ResolversTypes['Interval']>, ParentType, ContextType>;
};

export type Fig7NetworkResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Fig7Network'] = ResolversParentTypes['Fig7Network'],
> = {
  accuracy5Epoch?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  encoding?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  finalAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  nngpAccuracy?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reward?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type Fig7SelectionResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Fig7Selection'] = ResolversParentTypes['Fig7Selection'],
> = {
  bestFinal?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanFinal?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  missingFinal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['Fig7SelectionName'], ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['Fig7Network']>, ParentType, ContextType>;
};

export type HistogramBinResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['HistogramBin'] = ResolversParentTypes['HistogramBin'],
> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  max?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HybridFitResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['HybridFit'] = ResolversParentTypes['HybridFit'],
> = {
  bias?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  epoch4Coefficient?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  nngpCoefficient?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rSquared?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  residualStandardError?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type HybridResultResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['HybridResult'] = ResolversParentTypes['HybridResult'],
> = {
  fit?: Resolver<Maybe<ResolversTypes['HybridFit']>, ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['PredictorMetrics']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type IntervalResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Interval'] = ResolversParentTypes['Interval'],
> = {
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MnasMeasurementResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['MnasMeasurement'] = ResolversParentTypes['MnasMeasurement'],
> = {
  accuracy5Epoch?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  finalAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  latencyExponent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reward?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetLatencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ModelSizeCorrelationResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['ModelSizeCorrelation'] = ResolversParentTypes['ModelSizeCorrelation'],
> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kendallTau?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pearson?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  predictor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  cancelExperiment?: Resolver<
    ResolversTypes['CancelResult'],
    ParentType,
    ContextType,
    RequireFields<MutationCancelExperimentArgs, 'id'>
  >;
  createExperiment?: Resolver<
    ResolversTypes['Experiment'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateExperimentArgs, 'input'>
  >;
  enqueueEvaluations?: Resolver<
    ResolversTypes['EnqueueResult'],
    ParentType,
    ContextType,
    RequireFields<MutationEnqueueEvaluationsArgs, 'experiment'>
  >;
};

export type NngpConfigResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['NngpConfig'] = ResolversParentTypes['NngpConfig'],
> = {
  ensemble?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nTrain?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nVal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NngpResultResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['NngpResult'] = ResolversParentTypes['NngpResult'],
> = {
  accuracies?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  accuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  backend?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  engine?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ensemble?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  flops?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['KernelKind'], ParentType, ContextType>;
  nTrain?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nVal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  regularizers?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  seconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PageInfoResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PqetpResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Pqetp'] = ResolversParentTypes['Pqetp'],
> = {
  auroc?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  interval?: Resolver<Maybe<ResolversTypes['Interval']>, ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PredictorMetricsResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['PredictorMetrics'] = ResolversParentTypes['PredictorMetrics'],
> = {
  costPflops?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  discovered?: Resolver<Maybe<ResolversTypes['Discovered']>, ParentType, ContextType>;
  discoveredInterval?: Resolver<Maybe<ResolversTypes['Interval']>, ParentType, ContextType>;
  kendallTau?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  kendallTauInterval?: Resolver<Maybe<ResolversTypes['Interval']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  pearson?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pearsonInterval?: Resolver<Maybe<ResolversTypes['Interval']>, ParentType, ContextType>;
  pqetp?: Resolver<Array<ResolversTypes['Pqetp']>, ParentType, ContextType>;
  predictor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  repeat?: Resolver<Maybe<ResolversTypes['TrainingRepeat']>, ParentType, ContextType>;
  trainingRuns?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type PredictorPercentileResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['PredictorPercentile'] = ResolversParentTypes['PredictorPercentile'],
> = {
  meanPercentile?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  predictor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProxyScoreResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['ProxyScore'] = ResolversParentTypes['ProxyScore'],
> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  architecture?: Resolver<
    Maybe<ResolversTypes['Architecture']>,
    ParentType,
    ContextType,
    RequireFields<QueryArchitectureArgs, 'hash'>
  >;
  architectures?: Resolver<
    ResolversTypes['ArchitectureConnection'],
    ParentType,
    ContextType,
    Partial<QueryArchitecturesArgs>
  >;
  experiment?: Resolver<
    Maybe<ResolversTypes['Experiment']>,
    ParentType,
    ContextType,
    RequireFields<QueryExperimentArgs, 'id'>
  >;
  experiments?: Resolver<
    Array<ResolversTypes['Experiment']>,
    ParentType,
    ContextType,
    Partial<QueryExperimentsArgs>
  >;
  fig7?: Resolver<
    ResolversTypes['Fig7'],
    ParentType,
    ContextType,
    RequireFields<QueryFig7Args, 'experiment' | 'k' | 'seed'>
  >;
  hybrid?: Resolver<
    ResolversTypes['HybridResult'],
    ParentType,
    ContextType,
    RequireFields<QueryHybridArgs, 'nngp'>
  >;
  metrics?: Resolver<
    Array<ResolversTypes['PredictorMetrics']>,
    ParentType,
    ContextType,
    RequireFields<QueryMetricsArgs, 'predictors'>
  >;
  modelSizeCorrelation?: Resolver<
    Array<ResolversTypes['ModelSizeCorrelation']>,
    ParentType,
    ContextType,
    RequireFields<QueryModelSizeCorrelationArgs, 'predictors'>
  >;
  parameterHistogram?: Resolver<
    Array<ResolversTypes['HistogramBin']>,
    ParentType,
    ContextType,
    Partial<QueryParameterHistogramArgs>
  >;
  predictors?: Resolver<
    Array<ResolversTypes['AvailablePredictor']>,
    ParentType,
    ContextType,
    Partial<QueryPredictorsArgs>
  >;
  residualBias?: Resolver<
    Array<ResolversTypes['ResidualBiasRow']>,
    ParentType,
    ContextType,
    Partial<QueryResidualBiasArgs>
  >;
  scatter?: Resolver<
    ResolversTypes['Scatter'],
    ParentType,
    ContextType,
    RequireFields<QueryScatterArgs, 'x'>
  >;
  searchSpaceReduction?: Resolver<
    Array<ResolversTypes['ReductionRow']>,
    ParentType,
    ContextType,
    RequireFields<QuerySearchSpaceReductionArgs, 'nngp'>
  >;
  sizeClusters?: Resolver<
    Array<ResolversTypes['SizeCluster']>,
    ParentType,
    ContextType,
    RequireFields<QuerySizeClustersArgs, 'space'>
  >;
};

export type ReductionRowResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['ReductionRow'] = ResolversParentTypes['ReductionRow'],
> = {
  costPflops?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  discovered?: Resolver<ResolversTypes['Discovered'], ParentType, ContextType>;
  epochs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keepPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  screening?: Resolver<ResolversTypes['Screening'], ParentType, ContextType>;
};

export type ResidualBiasRowResolvers<
  ContextType = ApiContext,
  ParentType extends
    ResolversParentTypes['ResidualBiasRow'] = ResolversParentTypes['ResidualBiasRow'],
> = {
  architectures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percentiles?: Resolver<Array<ResolversTypes['PredictorPercentile']>, ParentType, ContextType>;
  residualConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RewardResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Reward'] = ResolversParentTypes['Reward'],
> = {
  exponent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  targetLatencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ScatterResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['Scatter'] = ResolversParentTypes['Scatter'],
> = {
  points?: Resolver<Array<ResolversTypes['ScatterPoint']>, ParentType, ContextType>;
  sampled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  x?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  y?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ScatterPointResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['ScatterPoint'] = ResolversParentTypes['ScatterPoint'],
> = {
  hash?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  x?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  y?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SizeClusterResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['SizeCluster'] = ResolversParentTypes['SizeCluster'],
> = {
  architectures?: Resolver<
    ResolversTypes['ArchitectureConnection'],
    ParentType,
    ContextType,
    Partial<SizeClusterArchitecturesArgs>
  >;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxParameters?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  minParameters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type TrainingMeanResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['TrainingMean'] = ResolversParentTypes['TrainingMean'],
> = {
  epochs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  testAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainingTime?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  validationAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export interface TrainingRepeatScalarConfig
  extends GraphQLScalarTypeConfig<ResolversTypes['TrainingRepeat'], any> {
  name: 'TrainingRepeat';
}

export type TrainingRunResolvers<
  ContextType = ApiContext,
  ParentType extends ResolversParentTypes['TrainingRun'] = ResolversParentTypes['TrainingRun'],
> = {
  epochs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeat?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  testAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainingTime?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  validationAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = ApiContext> = {
  Architecture?: ArchitectureResolvers<ContextType>;
  ArchitectureConnection?: ArchitectureConnectionResolvers<ContextType>;
  ArchitectureEdge?: ArchitectureEdgeResolvers<ContextType>;
  AvailablePredictor?: AvailablePredictorResolvers<ContextType>;
  CancelResult?: CancelResultResolvers<ContextType>;
  Discovered?: DiscoveredResolvers<ContextType>;
  EnqueueResult?: EnqueueResultResolvers<ContextType>;
  Experiment?: ExperimentResolvers<ContextType>;
  ExperimentConfig?: ExperimentConfigResolvers<ContextType>;
  ExperimentProgress?: ExperimentProgressResolvers<ContextType>;
  Fig7?: Fig7Resolvers<ContextType>;
  Fig7Correlation?: Fig7CorrelationResolvers<ContextType>;
  Fig7Network?: Fig7NetworkResolvers<ContextType>;
  Fig7Selection?: Fig7SelectionResolvers<ContextType>;
  HistogramBin?: HistogramBinResolvers<ContextType>;
  HybridFit?: HybridFitResolvers<ContextType>;
  HybridResult?: HybridResultResolvers<ContextType>;
  Interval?: IntervalResolvers<ContextType>;
  MnasMeasurement?: MnasMeasurementResolvers<ContextType>;
  ModelSizeCorrelation?: ModelSizeCorrelationResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NngpConfig?: NngpConfigResolvers<ContextType>;
  NngpResult?: NngpResultResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Pqetp?: PqetpResolvers<ContextType>;
  PredictorMetrics?: PredictorMetricsResolvers<ContextType>;
  PredictorPercentile?: PredictorPercentileResolvers<ContextType>;
  ProxyScore?: ProxyScoreResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReductionRow?: ReductionRowResolvers<ContextType>;
  ResidualBiasRow?: ResidualBiasRowResolvers<ContextType>;
  Reward?: RewardResolvers<ContextType>;
  Scatter?: ScatterResolvers<ContextType>;
  ScatterPoint?: ScatterPointResolvers<ContextType>;
  SizeCluster?: SizeClusterResolvers<ContextType>;
  TrainingMean?: TrainingMeanResolvers<ContextType>;
  TrainingRepeat?: GraphQLScalarType;
  TrainingRun?: TrainingRunResolvers<ContextType>;
};
