/**
 * GraphQL documents the dashboard sends (server/src/schema.graphql). Plain strings, importable
 * from client components too (the table's further pages go through /api/graphql).
 */

const DISCOVERED = 'discovered { mean standardError topK subsetSize }';
const METRICS_FIELDS = `predictor count kendallTau pearson pqetp { threshold auroc } ${DISCOVERED} costPflops notes`;

export const EXPERIMENTS = `query Experiments {
  experiments {
    id name createdAt retention precision cancelledAt resultCount architectureCount
    config { nTrain nVal ensemble seed stemChannels stacks modulesPerStack dataset bnBatchSize
      configs { nTrain nVal ensemble } }
  }
}`;

export const EXPERIMENT_STATES = `query ExperimentStates {
  experiments {
    id status backend costPflops
    progress { done queued running failed total ratePerHour etaSeconds }
  }
}`;

export const SIZE_CLUSTERS = `query SizeClusters {
  sizeClusters { id label minParameters maxParameters count }
}`;

export const COUNTS = `query Counts($filter: ArchitectureFilter, $withTruth: ArchitectureFilter) {
  all: architectures(filter: $filter, first: 1) { totalCount }
  withGroundTruth: architectures(filter: $withTruth, first: 1) { totalCount }
}`;

export const ARCHITECTURE_ROW =
  'hash trainableParameters flops residualConnections groundTruth sizeCluster { id label }';

export const ARCHITECTURES = `query Architectures($filter: ArchitectureFilter, $orderBy: ArchitectureOrder, $first: Int, $after: String) {
  architectures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { ${ARCHITECTURE_ROW} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ARCHITECTURE = `query Architecture($hash: ID!) {
  architecture(hash: $hash) {
    ${ARCHITECTURE_ROW} matrix operations
    training { epochs repeat validationAccuracy }
    trainingMeans { epochs repeats validationAccuracy }
    nngp { experiment { id name } nTrain nVal ensemble accuracy accuracies regularizers backend seconds }
    proxies { name value source }
  }
}`;

export const METRICS = `query Metrics($filter: ArchitectureFilter, $predictors: [PredictorInput!]!, $subsets: SubsetsInput) {
  metrics(filter: $filter, predictors: $predictors, subsets: $subsets) { ${METRICS_FIELDS} }
}`;

export const SEARCH_SPACE_REDUCTION = `query SearchSpaceReduction($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {
  searchSpaceReduction(filter: $filter, nngp: $nngp) {
    epochs screening keepPercent costPflops ${DISCOVERED}
  }
}`;

export const HYBRID = `query Hybrid($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {
  hybrid(filter: $filter, nngp: $nngp) {
    fit { epoch4Coefficient nngpCoefficient bias rSquared residualStandardError count }
    metrics { ${METRICS_FIELDS} }
    notes
  }
}`;

export const RESIDUAL_BIAS = `query ResidualBias($filter: ArchitectureFilter, $predictors: [PredictorInput!]) {
  residualBias(filter: $filter, predictors: $predictors) {
    residualConnections architectures percentiles { predictor meanPercentile }
  }
}`;

export const MODEL_SIZE_CORRELATION = `query ModelSizeCorrelation($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
  modelSizeCorrelation(filter: $filter, predictors: $predictors) { predictor count kendallTau pearson }
}`;

export const SCATTER = `query Scatter($filter: ArchitectureFilter, $x: PredictorInput!, $y: PredictorInput, $limit: Int) {
  scatter(filter: $filter, x: $x, y: $y, limit: $limit) { x y total sampled points { hash x y } }
}`;

export const PARAMETER_HISTOGRAM = `query ParameterHistogram($filter: ArchitectureFilter, $bins: Int) {
  parameterHistogram(filter: $filter, bins: $bins) { min max count }
}`;

export const ENQUEUE_EVALUATIONS = `mutation EnqueueEvaluations($experiment: ID!, $filter: ArchitectureFilter, $limit: Int) {
  enqueueEvaluations(experiment: $experiment, filter: $filter, limit: $limit) {
    enqueued alreadyDone alreadyQueued
  }
}`;
