/**
 * GraphQL documents the dashboard sends (server/src/schema.graphql), typed by graphql-codegen:
 * `graphql(...)` returns a document string that carries its result and variables types
 * (src/generated/, `pnpm --filter @nngp-nas/web codegen`). Importable from client components too
 * (the table's further pages go through /api/graphql).
 *
 * @example const data = await query(SIZE_CLUSTERS, {}); data.sizeClusters[0]?.label
 */
import { graphql } from '../../generated/index.ts';

export const DISCOVERED_FIELDS = graphql(`
  fragment DiscoveredFields on Discovered {
    mean
    standardError
    topK
    subsetSize
  }
`);

export const PREDICTOR_METRICS_FIELDS = graphql(`
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
`);

export const ARCHITECTURE_ROW_FIELDS = graphql(`
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
`);

export const EXPERIMENTS = graphql(`
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
`);

export const EXPERIMENT_STATES = graphql(`
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
`);

export const SIZE_CLUSTERS = graphql(`
  query SizeClusters($space: SearchSpace) {
    sizeClusters(space: $space) {
      id
      label
      minParameters
      maxParameters
      count
    }
  }
`);

export const COUNTS = graphql(`
  query Counts($filter: ArchitectureFilter, $withTruth: ArchitectureFilter) {
    all: architectures(filter: $filter, first: 1) {
      totalCount
    }
    withGroundTruth: architectures(filter: $withTruth, first: 1) {
      totalCount
    }
  }
`);

export const ARCHITECTURES = graphql(`
  query Architectures(
    $filter: ArchitectureFilter
    $orderBy: ArchitectureOrder
    $first: Int
    $after: String
    $experiment: ID
    $withNngp: Boolean!
  ) {
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
`);

export const ARCHITECTURE = graphql(`
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
`);

export const METRICS = graphql(`
  query Metrics(
    $filter: ArchitectureFilter
    $predictors: [PredictorInput!]!
    $subsets: SubsetsInput
    $intervals: IntervalsInput
  ) {
    metrics(filter: $filter, predictors: $predictors, subsets: $subsets, intervals: $intervals) {
      ...PredictorMetricsFields
    }
  }
`);

export const SEARCH_SPACE_REDUCTION = graphql(`
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
`);

export const HYBRID = graphql(`
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
`);

export const RESIDUAL_BIAS = graphql(`
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
`);

export const MODEL_SIZE_CORRELATION = graphql(`
  query ModelSizeCorrelation($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
    modelSizeCorrelation(filter: $filter, predictors: $predictors) {
      predictor
      count
      kendallTau
      pearson
    }
  }
`);

export const SCATTER = graphql(`
  query Scatter(
    $filter: ArchitectureFilter
    $x: PredictorInput!
    $y: PredictorInput
    $limit: Int
  ) {
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
`);

export const PARAMETER_HISTOGRAM = graphql(`
  query ParameterHistogram($filter: ArchitectureFilter, $bins: Int) {
    parameterHistogram(filter: $filter, bins: $bins) {
      min
      max
      count
    }
  }
`);

export const FIG7_NETWORK_FIELDS = graphql(`
  fragment Fig7NetworkFields on Fig7Network {
    hash
    encoding
    nngpAccuracy
    accuracy5Epoch
    latencyMs
    reward
    finalAccuracy
  }
`);

export const FIG7_CORRELATION_FIELDS = graphql(`
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
`);

export const FIG7 = graphql(`
  query Fig7(
    $experiment: ID!
    $config: NngpConfigShapeInput
    $k: Int
    $seed: Int
    $reward: RewardInput
  ) {
    fig7(experiment: $experiment, config: $config, k: $k, seed: $seed, reward: $reward) {
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
`);

export const ENQUEUE_EVALUATIONS = graphql(`
  mutation EnqueueEvaluations($experiment: ID!, $filter: ArchitectureFilter, $limit: Int) {
    enqueueEvaluations(experiment: $experiment, filter: $filter, limit: $limit) {
      enqueued
      alreadyDone
      alreadyQueued
    }
  }
`);

export const EXPERIMENT_LIVE = graphql(`
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
`);

export const CREATE_EXPERIMENT = graphql(`
  mutation CreateExperiment($input: CreateExperimentInput!) {
    createExperiment(input: $input) {
      id
      name
    }
  }
`);

export const CANCEL_EXPERIMENT = graphql(`
  mutation CancelExperiment($id: ID!) {
    cancelExperiment(id: $id) {
      removedJobs
    }
  }
`);
