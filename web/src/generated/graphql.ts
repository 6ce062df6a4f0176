/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Filters combine with AND; list filters match any of their values (IN). */
export type ArchitectureFilter = {
  /** Only architectures with an NNGP result in this experiment. */
  experiment?: string | null | undefined;
  /** Whether the architecture has its space's ground truth (NAS-Bench-101: 108-epoch training records; MNAS: imported measurements). */
  hasGroundTruth?: boolean | null | undefined;
  /** Interior operations the cell must contain, all of them (conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3). */
  operations?: Array<string> | null | undefined;
  residualConnections?: IntRange | null | undefined;
  /** Default size-cluster ids (see `sizeClusters`). */
  sizeClusters?: Array<number> | null | undefined;
  /** The search space. NAS-Bench-101 unless given (no filter at all also means NAS-Bench-101). */
  space?: SearchSpace | null | undefined;
  trainableParameters?: IntRange | null | undefined;
};

/**
 * Sort order; ties are broken by hash so pages are stable. By a predictor (GROUND_TRUTH, NNGP,
 * TRAINING, PROXY), architectures without its value sort last in both directions. A field that
 * the chosen `field` does not take, or a missing one it needs, is BAD_USER_INPUT naming it.
 */
export type ArchitectureOrder = {
  direction?: OrderDirection;
  ensemble?: number | null | undefined;
  /** TRAINING: the epoch budget (required; 4, 12, 36 or 108). */
  epochs?: number | null | undefined;
  /** NNGP: the experiment (required). */
  experiment?: string | null | undefined;
  field?: ArchitectureOrderField;
  /** NNGP: configuration; each defaults to the experiment's own (its largest). */
  nTrain?: number | null | undefined;
  nVal?: number | null | undefined;
  /** PROXY: the proxy name (required), e.g. zen_score. */
  proxy?: string | null | undefined;
  /** TRAINING: repeat 0 (the default), 1, 2 or "mean". */
  repeat?: number | 'mean' | null | undefined;
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

export type CreateExperimentInput = {
  bnBatchSize?: number | null | undefined;
  /** Smaller configurations to derive from the stored kernels. */
  configs?: Array<NngpConfigShapeInput> | null | undefined;
  /** Engine of the forward passes: onnx or tfjs (default: compute's, onnx). */
  engine?: string | null | undefined;
  /** Random initialisations averaged (default 1). */
  ensemble?: number | null | undefined;
  /**
   * Kernels estimated for every architecture: [NNGP] (the default), [NTK] or both, on the same data
   * and initialisations. The empirical NTK runs on TensorFlow.js whatever the engine.
   */
  kernels?: Array<KernelKind> | null | undefined;
  modulesPerStack?: number | null | undefined;
  /** Training images (default 1,000). */
  nTrain?: number | null | undefined;
  /** Validation images (default 1,000). */
  nVal?: number | null | undefined;
  /** Unique name. */
  name: string;
  /** float32 (default) or float16. */
  precision?: string | null | undefined;
  /** Which kernels are stored: all (default), largest or none. */
  retention?: string | null | undefined;
  seed?: number | null | undefined;
  stacks?: number | null | undefined;
  stemChannels?: number | null | undefined;
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

export type Fig7SelectionName =
  | 'ACCURACY_5'
  | 'NNGP'
  | 'RANDOM'
  | 'REWARD';

/** An inclusive range; a missing bound is open. */
export type IntRange = {
  max?: number | null | undefined;
  min?: number | null | undefined;
};

/**
 * Percentile-bootstrap confidence intervals of `metrics`, the same computation as `nngp compare
 * --json` (compute/src/metrics/bootstrap.ts), seeded, so the same arguments give the same bounds.
 * `resamples` is at most 10,000; `level` in (0, 1); `seed` at least 0.
 */
export type IntervalsInput = {
  level?: number | null | undefined;
  resamples?: number | null | undefined;
  seed?: number | null | undefined;
};

/**
 * The kernel an NNGP predictor's inference uses: the NNGP kernel (Monte-Carlo, from the network's
 * features) or the empirical neural tangent kernel (from its parameter gradients), estimated on the
 * same data and initialisations when an experiment has both.
 */
export type KernelKind =
  | 'NNGP'
  | 'NTK';

/** One NNGP configuration of an experiment; each field defaults to the experiment's own. */
export type NngpConfigInput = {
  ensemble?: number | null | undefined;
  experiment: string;
  nTrain?: number | null | undefined;
  nVal?: number | null | undefined;
};

export type NngpConfigShapeInput = {
  ensemble: number;
  nTrain: number;
  nVal: number;
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PredictorInput = {
  ensemble?: number | null | undefined;
  /** TRAINING: the epoch budget (4, 12, 36 or 108). */
  epochs?: number | null | undefined;
  /** NNGP, HYBRID: the experiment. */
  experiment?: string | null | undefined;
  /** NNGP, HYBRID: inference with the NNGP kernel (the default) or the experiment's empirical NTK. */
  kernel?: KernelKind | null | undefined;
  kind: PredictorKind;
  /** NNGP, HYBRID: configuration; each defaults to the experiment's own. */
  nTrain?: number | null | undefined;
  nVal?: number | null | undefined;
  /** Label of the result; defaults to a description such as 'epochs 12 repeat 0'. */
  name?: string | null | undefined;
  /** PROXY: the proxy name, e.g. zen_score. */
  proxy?: string | null | undefined;
  /**
   * TRAINING, HYBRID: which training run: repeat 0 (the default, as NAS-Bench-101's shortened
   * training is one run), 1, 2, or "mean" (the mean over the repeats stored, its cost one training
   * run per repeat averaged).
   */
  repeat?: number | 'mean' | null | undefined;
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

/**
 * The reward ACC × (LAT / T)^w (MnasNet: T = 75 ms, w = −0.07). A field not given is the one the
 * measurements were imported with (`nngp mnas import --target-latency --exponent`).
 */
export type RewardInput = {
  exponent?: number | null | undefined;
  targetLatencyMs?: number | null | undefined;
};

export type Screening =
  | 'NNGP'
  | 'NONE'
  | 'RANDOM';

/** A search space: which architectures, and which ground truth. */
export type SearchSpace =
  /** MnasNet networks on ImageNet-format data; ground truth: the reward of the imported measurements. */
  | 'MNAS'
  /** NAS-Bench-101 cells on CIFAR-10; ground truth: mean 108-epoch validation accuracy. */
  | 'NASBENCH_101';

/** Random discovery subsets; each field defaults to the paper's (10 subsets of 10,000, seed 0). */
export type SubsetsInput = {
  count?: number | null | undefined;
  seed?: number | null | undefined;
  size?: number | null | undefined;
};

export type DiscoveredFieldsFragment = { mean: number, standardError: number | null, topK: number, subsetSize: number };

export type PredictorMetricsFieldsFragment = { predictor: string, count: number, kendallTau: number | null, pearson: number | null, costPflops: number | null, notes: Array<string>, kendallTauInterval: { low: number, high: number } | null, pearsonInterval: { low: number, high: number } | null, pqetp: Array<{ threshold: number, auroc: number | null }>, discovered: { mean: number, standardError: number | null, topK: number, subsetSize: number } | null };

export type ArchitectureRowFieldsFragment = { hash: string, space: SearchSpace, encoding: string | null, trainableParameters: number, flops: number, residualConnections: number, groundTruth: number | null, sizeCluster: { id: number, label: string } | null };

export type ExperimentsQueryVariables = Exact<{
  space?: SearchSpace | null | undefined;
}>;


export type ExperimentsQuery = { experiments: Array<{ id: string, name: string, createdAt: string, retention: string, precision: string, cancelledAt: string | null, resultCount: number, architectureCount: number, engine: string | null, backend: string | null, config: { space: SearchSpace, images: string | null, labels: string | null, resolution: number | null, nTrain: number, nVal: number, ensemble: number, seed: number, stemChannels: number, stacks: number, modulesPerStack: number, dataset: string, bnBatchSize: number, engine: string | null, kernels: Array<KernelKind>, configs: Array<{ nTrain: number, nVal: number, ensemble: number }> } }> };

export type ExperimentStatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExperimentStatesQuery = { experiments: Array<{ id: string, status: ExperimentStatus, engine: string | null, backend: string | null, costPflops: number, progress: { done: number, queued: number, running: number, failed: number, total: number, ratePerHour: number | null, etaSeconds: number | null } }> };

export type SizeClustersQueryVariables = Exact<{
  space?: SearchSpace | null | undefined;
}>;


export type SizeClustersQuery = { sizeClusters: Array<{ id: number, label: string, minParameters: number, maxParameters: number | null, count: number }> };

export type CountsQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  withTruth?: ArchitectureFilter | null | undefined;
}>;


export type CountsQuery = { all: { totalCount: number }, withGroundTruth: { totalCount: number } };

export type ArchitecturesQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  orderBy?: ArchitectureOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  experiment?: string | null | undefined;
  withNngp: boolean;
}>;


export type ArchitecturesQuery = { architectures: { totalCount: number, edges: Array<{ cursor: string, node: { hash: string, space: SearchSpace, encoding: string | null, trainableParameters: number, flops: number, residualConnections: number, groundTruth: number | null, nngp?: Array<{ kind: KernelKind, nTrain: number, nVal: number, ensemble: number, accuracy: number | null }>, training4: Array<{ repeat: number, validationAccuracy: number | null }>, training12: Array<{ repeat: number, validationAccuracy: number | null }>, proxies: Array<{ name: string, value: number | null }>, sizeCluster: { id: number, label: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ArchitectureQueryVariables = Exact<{
  hash: string;
}>;


export type ArchitectureQuery = { architecture: { matrix: Array<Array<number>> | null, operations: Array<string> | null, hash: string, space: SearchSpace, encoding: string | null, trainableParameters: number, flops: number, residualConnections: number, groundTruth: number | null, mnas: { accuracy5Epoch: number, latencyMs: number, finalAccuracy: number | null, reward: number, targetLatencyMs: number, latencyExponent: number, source: string } | null, training: Array<{ epochs: number, repeat: number, validationAccuracy: number | null }>, trainingMeans: Array<{ epochs: number, repeats: number, validationAccuracy: number | null }>, nngp: Array<{ kind: KernelKind, nTrain: number, nVal: number, ensemble: number, accuracy: number | null, accuracies: Array<number | null>, regularizers: Array<number>, engine: string, backend: string, seconds: number, experiment: { id: string, name: string } }>, proxies: Array<{ name: string, value: number | null, source: string }>, sizeCluster: { id: number, label: string } | null } | null };

export type MetricsQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  predictors: Array<PredictorInput> | PredictorInput;
  subsets?: SubsetsInput | null | undefined;
  intervals?: IntervalsInput | null | undefined;
}>;


export type MetricsQuery = { metrics: Array<{ predictor: string, count: number, kendallTau: number | null, pearson: number | null, costPflops: number | null, notes: Array<string>, kendallTauInterval: { low: number, high: number } | null, pearsonInterval: { low: number, high: number } | null, pqetp: Array<{ threshold: number, auroc: number | null }>, discovered: { mean: number, standardError: number | null, topK: number, subsetSize: number } | null }> };

export type SearchSpaceReductionQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  nngp: NngpConfigInput;
}>;


export type SearchSpaceReductionQuery = { searchSpaceReduction: Array<{ epochs: number, screening: Screening, keepPercent: number | null, costPflops: number, discovered: { mean: number, standardError: number | null, topK: number, subsetSize: number } }> };

export type HybridQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  nngp: NngpConfigInput;
}>;


export type HybridQuery = { hybrid: { notes: Array<string>, fit: { epoch4Coefficient: number, nngpCoefficient: number, bias: number, rSquared: number, residualStandardError: number | null, count: number } | null, metrics: { predictor: string, count: number, kendallTau: number | null, pearson: number | null, costPflops: number | null, notes: Array<string>, kendallTauInterval: { low: number, high: number } | null, pearsonInterval: { low: number, high: number } | null, pqetp: Array<{ threshold: number, auroc: number | null }>, discovered: { mean: number, standardError: number | null, topK: number, subsetSize: number } | null } | null } };

export type ResidualBiasQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  predictors?: Array<PredictorInput> | PredictorInput | null | undefined;
}>;


export type ResidualBiasQuery = { residualBias: Array<{ residualConnections: number, architectures: number, percentiles: Array<{ predictor: string, meanPercentile: number }> }> };

export type ModelSizeCorrelationQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  predictors: Array<PredictorInput> | PredictorInput;
}>;


export type ModelSizeCorrelationQuery = { modelSizeCorrelation: Array<{ predictor: string, count: number, kendallTau: number | null, pearson: number | null }> };

export type ScatterQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  x: PredictorInput;
  y?: PredictorInput | null | undefined;
  limit?: number | null | undefined;
}>;


export type ScatterQuery = { scatter: { x: string, y: string, total: number, sampled: boolean, points: Array<{ hash: string, x: number, y: number }> } };

export type ParameterHistogramQueryVariables = Exact<{
  filter?: ArchitectureFilter | null | undefined;
  bins?: number | null | undefined;
}>;


export type ParameterHistogramQuery = { parameterHistogram: Array<{ min: number, max: number, count: number }> };

export type Fig7NetworkFieldsFragment = { hash: string, encoding: string, nngpAccuracy: number, accuracy5Epoch: number, latencyMs: number, reward: number, finalAccuracy: number | null };

export type Fig7CorrelationFieldsFragment = { kendallTau: number | null, pearson: number | null, kendallTauInterval: { low: number, high: number } | null, pearsonInterval: { low: number, high: number } | null };

export type Fig7QueryVariables = Exact<{
  experiment: string;
  config?: NngpConfigShapeInput | null | undefined;
  k?: number | null | undefined;
  seed?: number | null | undefined;
  reward?: RewardInput | null | undefined;
}>;


export type Fig7Query = { fig7: { networks: number, k: number, measuredOnly: number, nngpOnly: number, experiment: { id: string, name: string }, config: { nTrain: number, nVal: number, ensemble: number }, reward: { targetLatencyMs: number, exponent: number }, selections: Array<{ name: Fig7SelectionName, meanFinal: number | null, bestFinal: number | null, missingFinal: number, networks: Array<{ hash: string, encoding: string, nngpAccuracy: number, accuracy5Epoch: number, latencyMs: number, reward: number, finalAccuracy: number | null }> }>, nngpVsReward: { kendallTau: number | null, pearson: number | null, kendallTauInterval: { low: number, high: number } | null, pearsonInterval: { low: number, high: number } | null }, nngpVsAccuracy5: { kendallTau: number | null, pearson: number | null, kendallTauInterval: { low: number, high: number } | null, pearsonInterval: { low: number, high: number } | null } } };

export type EnqueueEvaluationsMutationVariables = Exact<{
  experiment: string;
  filter?: ArchitectureFilter | null | undefined;
  limit?: number | null | undefined;
}>;


export type EnqueueEvaluationsMutation = { enqueueEvaluations: { enqueued: number, alreadyDone: number, alreadyQueued: number } };

export type ExperimentLiveQueryVariables = Exact<{
  id: string;
}>;


export type ExperimentLiveQuery = { experiment: { id: string, status: ExperimentStatus, engine: string | null, backend: string | null, costPflops: number, lastError: string | null, lastErrorAt: string | null, cancelledAt: string | null, progress: { done: number, queued: number, running: number, failed: number, failedForGood: number, total: number, ratePerHour: number | null, etaSeconds: number | null } } | null };

export type CreateExperimentMutationVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type CreateExperimentMutation = { createExperiment: { id: string, name: string } };

export type CancelExperimentMutationVariables = Exact<{
  id: string;
}>;


export type CancelExperimentMutation = { cancelExperiment: { removedJobs: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DiscoveredFieldsFragmentDoc = new TypedDocumentString(`
    fragment DiscoveredFields on Discovered {
  mean
  standardError
  topK
  subsetSize
}
    `, {"fragmentName":"DiscoveredFields"}) as unknown as TypedDocumentString<DiscoveredFieldsFragment, unknown>;
export const PredictorMetricsFieldsFragmentDoc = new TypedDocumentString(`
    fragment PredictorMetricsFields on PredictorMetrics {
  predictor
  count
  kendallTau
  pearson
  kendallTauInterval {
    low
    high
  }
  pearsonInterval {
    low
    high
  }
  pqetp {
    threshold
    auroc
  }
  discovered {
    ...DiscoveredFields
  }
  costPflops
  notes
}
    fragment DiscoveredFields on Discovered {
  mean
  standardError
  topK
  subsetSize
}`, {"fragmentName":"PredictorMetricsFields"}) as unknown as TypedDocumentString<PredictorMetricsFieldsFragment, unknown>;
export const ArchitectureRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment ArchitectureRowFields on Architecture {
  hash
  space
  encoding
  trainableParameters
  flops
  residualConnections
  groundTruth
  sizeCluster {
    id
    label
  }
}
    `, {"fragmentName":"ArchitectureRowFields"}) as unknown as TypedDocumentString<ArchitectureRowFieldsFragment, unknown>;
export const Fig7NetworkFieldsFragmentDoc = new TypedDocumentString(`
    fragment Fig7NetworkFields on Fig7Network {
  hash
  encoding
  nngpAccuracy
  accuracy5Epoch
  latencyMs
  reward
  finalAccuracy
}
    `, {"fragmentName":"Fig7NetworkFields"}) as unknown as TypedDocumentString<Fig7NetworkFieldsFragment, unknown>;
export const Fig7CorrelationFieldsFragmentDoc = new TypedDocumentString(`
    fragment Fig7CorrelationFields on Fig7Correlation {
  kendallTau
  pearson
  kendallTauInterval {
    low
    high
  }
  pearsonInterval {
    low
    high
  }
}
    `, {"fragmentName":"Fig7CorrelationFields"}) as unknown as TypedDocumentString<Fig7CorrelationFieldsFragment, unknown>;
export const ExperimentsDocument = new TypedDocumentString(`
    query Experiments($space: SearchSpace) {
  experiments(space: $space) {
    id
    name
    createdAt
    retention
    precision
    cancelledAt
    resultCount
    architectureCount
    engine
    backend
    config {
      space
      images
      labels
      resolution
      nTrain
      nVal
      ensemble
      seed
      stemChannels
      stacks
      modulesPerStack
      dataset
      bnBatchSize
      engine
      kernels
      configs {
        nTrain
        nVal
        ensemble
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentsQuery, ExperimentsQueryVariables>;
export const ExperimentStatesDocument = new TypedDocumentString(`
    query ExperimentStates {
  experiments {
    id
    status
    engine
    backend
    costPflops
    progress {
      done
      queued
      running
      failed
      total
      ratePerHour
      etaSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentStatesQuery, ExperimentStatesQueryVariables>;
export const SizeClustersDocument = new TypedDocumentString(`
    query SizeClusters($space: SearchSpace) {
  sizeClusters(space: $space) {
    id
    label
    minParameters
    maxParameters
    count
  }
}
    `) as unknown as TypedDocumentString<SizeClustersQuery, SizeClustersQueryVariables>;
export const CountsDocument = new TypedDocumentString(`
    query Counts($filter: ArchitectureFilter, $withTruth: ArchitectureFilter) {
  all: architectures(filter: $filter, first: 1) {
    totalCount
  }
  withGroundTruth: architectures(filter: $withTruth, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<CountsQuery, CountsQueryVariables>;
export const ArchitecturesDocument = new TypedDocumentString(`
    query Architectures($filter: ArchitectureFilter, $orderBy: ArchitectureOrder, $first: Int, $after: String, $experiment: ID, $withNngp: Boolean!) {
  architectures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        ...ArchitectureRowFields
        nngp(experiment: $experiment) @include(if: $withNngp) {
          kind
          nTrain
          nVal
          ensemble
          accuracy
        }
        training4: training(epochs: 4) {
          repeat
          validationAccuracy
        }
        training12: training(epochs: 12) {
          repeat
          validationAccuracy
        }
        proxies {
          name
          value
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ArchitectureRowFields on Architecture {
  hash
  space
  encoding
  trainableParameters
  flops
  residualConnections
  groundTruth
  sizeCluster {
    id
    label
  }
}`) as unknown as TypedDocumentString<ArchitecturesQuery, ArchitecturesQueryVariables>;
export const ArchitectureDocument = new TypedDocumentString(`
    query Architecture($hash: ID!) {
  architecture(hash: $hash) {
    ...ArchitectureRowFields
    matrix
    operations
    mnas {
      accuracy5Epoch
      latencyMs
      finalAccuracy
      reward
      targetLatencyMs
      latencyExponent
      source
    }
    training {
      epochs
      repeat
      validationAccuracy
    }
    trainingMeans {
      epochs
      repeats
      validationAccuracy
    }
    nngp {
      experiment {
        id
        name
      }
      kind
      nTrain
      nVal
      ensemble
      accuracy
      accuracies
      regularizers
      engine
      backend
      seconds
    }
    proxies {
      name
      value
      source
    }
  }
}
    fragment ArchitectureRowFields on Architecture {
  hash
  space
  encoding
  trainableParameters
  flops
  residualConnections
  groundTruth
  sizeCluster {
    id
    label
  }
}`) as unknown as TypedDocumentString<ArchitectureQuery, ArchitectureQueryVariables>;
export const MetricsDocument = new TypedDocumentString(`
    query Metrics($filter: ArchitectureFilter, $predictors: [PredictorInput!]!, $subsets: SubsetsInput, $intervals: IntervalsInput) {
  metrics(
    filter: $filter
    predictors: $predictors
    subsets: $subsets
    intervals: $intervals
  ) {
    ...PredictorMetricsFields
  }
}
    fragment DiscoveredFields on Discovered {
  mean
  standardError
  topK
  subsetSize
}
fragment PredictorMetricsFields on PredictorMetrics {
  predictor
  count
  kendallTau
  pearson
  kendallTauInterval {
    low
    high
  }
  pearsonInterval {
    low
    high
  }
  pqetp {
    threshold
    auroc
  }
  discovered {
    ...DiscoveredFields
  }
  costPflops
  notes
}`) as unknown as TypedDocumentString<MetricsQuery, MetricsQueryVariables>;
export const SearchSpaceReductionDocument = new TypedDocumentString(`
    query SearchSpaceReduction($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {
  searchSpaceReduction(filter: $filter, nngp: $nngp) {
    epochs
    screening
    keepPercent
    costPflops
    discovered {
      ...DiscoveredFields
    }
  }
}
    fragment DiscoveredFields on Discovered {
  mean
  standardError
  topK
  subsetSize
}`) as unknown as TypedDocumentString<SearchSpaceReductionQuery, SearchSpaceReductionQueryVariables>;
export const HybridDocument = new TypedDocumentString(`
    query Hybrid($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {
  hybrid(filter: $filter, nngp: $nngp) {
    fit {
      epoch4Coefficient
      nngpCoefficient
      bias
      rSquared
      residualStandardError
      count
    }
    metrics {
      ...PredictorMetricsFields
    }
    notes
  }
}
    fragment DiscoveredFields on Discovered {
  mean
  standardError
  topK
  subsetSize
}
fragment PredictorMetricsFields on PredictorMetrics {
  predictor
  count
  kendallTau
  pearson
  kendallTauInterval {
    low
    high
  }
  pearsonInterval {
    low
    high
  }
  pqetp {
    threshold
    auroc
  }
  discovered {
    ...DiscoveredFields
  }
  costPflops
  notes
}`) as unknown as TypedDocumentString<HybridQuery, HybridQueryVariables>;
export const ResidualBiasDocument = new TypedDocumentString(`
    query ResidualBias($filter: ArchitectureFilter, $predictors: [PredictorInput!]) {
  residualBias(filter: $filter, predictors: $predictors) {
    residualConnections
    architectures
    percentiles {
      predictor
      meanPercentile
    }
  }
}
    `) as unknown as TypedDocumentString<ResidualBiasQuery, ResidualBiasQueryVariables>;
export const ModelSizeCorrelationDocument = new TypedDocumentString(`
    query ModelSizeCorrelation($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
  modelSizeCorrelation(filter: $filter, predictors: $predictors) {
    predictor
    count
    kendallTau
    pearson
  }
}
    `) as unknown as TypedDocumentString<ModelSizeCorrelationQuery, ModelSizeCorrelationQueryVariables>;
export const ScatterDocument = new TypedDocumentString(`
    query Scatter($filter: ArchitectureFilter, $x: PredictorInput!, $y: PredictorInput, $limit: Int) {
  scatter(filter: $filter, x: $x, y: $y, limit: $limit) {
    x
    y
    total
    sampled
    points {
      hash
      x
      y
    }
  }
}
    `) as unknown as TypedDocumentString<ScatterQuery, ScatterQueryVariables>;
export const ParameterHistogramDocument = new TypedDocumentString(`
    query ParameterHistogram($filter: ArchitectureFilter, $bins: Int) {
  parameterHistogram(filter: $filter, bins: $bins) {
    min
    max
    count
  }
}
    `) as unknown as TypedDocumentString<ParameterHistogramQuery, ParameterHistogramQueryVariables>;
export const Fig7Document = new TypedDocumentString(`
    query Fig7($experiment: ID!, $config: NngpConfigShapeInput, $k: Int, $seed: Int, $reward: RewardInput) {
  fig7(
    experiment: $experiment
    config: $config
    k: $k
    seed: $seed
    reward: $reward
  ) {
    experiment {
      id
      name
    }
    config {
      nTrain
      nVal
      ensemble
    }
    reward {
      targetLatencyMs
      exponent
    }
    networks
    k
    measuredOnly
    nngpOnly
    selections {
      name
      networks {
        ...Fig7NetworkFields
      }
      meanFinal
      bestFinal
      missingFinal
    }
    nngpVsReward {
      ...Fig7CorrelationFields
    }
    nngpVsAccuracy5 {
      ...Fig7CorrelationFields
    }
  }
}
    fragment Fig7NetworkFields on Fig7Network {
  hash
  encoding
  nngpAccuracy
  accuracy5Epoch
  latencyMs
  reward
  finalAccuracy
}
fragment Fig7CorrelationFields on Fig7Correlation {
  kendallTau
  pearson
  kendallTauInterval {
    low
    high
  }
  pearsonInterval {
    low
    high
  }
}`) as unknown as TypedDocumentString<Fig7Query, Fig7QueryVariables>;
export const EnqueueEvaluationsDocument = new TypedDocumentString(`
    mutation EnqueueEvaluations($experiment: ID!, $filter: ArchitectureFilter, $limit: Int) {
  enqueueEvaluations(experiment: $experiment, filter: $filter, limit: $limit) {
    enqueued
    alreadyDone
    alreadyQueued
  }
}
    `) as unknown as TypedDocumentString<EnqueueEvaluationsMutation, EnqueueEvaluationsMutationVariables>;
export const ExperimentLiveDocument = new TypedDocumentString(`
    query ExperimentLive($id: ID!) {
  experiment(id: $id) {
    id
    status
    engine
    backend
    costPflops
    lastError
    lastErrorAt
    cancelledAt
    progress {
      done
      queued
      running
      failed
      failedForGood
      total
      ratePerHour
      etaSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentLiveQuery, ExperimentLiveQueryVariables>;
export const CreateExperimentDocument = new TypedDocumentString(`
    mutation CreateExperiment($input: CreateExperimentInput!) {
  createExperiment(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateExperimentMutation, CreateExperimentMutationVariables>;
export const CancelExperimentDocument = new TypedDocumentString(`
    mutation CancelExperiment($id: ID!) {
  cancelExperiment(id: $id) {
    removedJobs
  }
}
    `) as unknown as TypedDocumentString<CancelExperimentMutation, CancelExperimentMutationVariables>;