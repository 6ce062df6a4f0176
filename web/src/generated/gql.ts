/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment DiscoveredFields on Discovered {\n    mean\n    standardError\n    topK\n    subsetSize\n  }\n": typeof types.DiscoveredFieldsFragmentDoc,
    "\n  fragment PredictorMetricsFields on PredictorMetrics {\n    predictor\n    count\n    kendallTau\n    pearson\n    kendallTauInterval {\n      low\n      high\n    }\n    pearsonInterval {\n      low\n      high\n    }\n    pqetp {\n      threshold\n      auroc\n    }\n    discovered {\n      ...DiscoveredFields\n    }\n    costPflops\n    notes\n  }\n": typeof types.PredictorMetricsFieldsFragmentDoc,
    "\n  fragment ArchitectureRowFields on Architecture {\n    hash\n    space\n    encoding\n    trainableParameters\n    flops\n    residualConnections\n    groundTruth\n    sizeCluster {\n      id\n      label\n    }\n  }\n": typeof types.ArchitectureRowFieldsFragmentDoc,
    "\n  query Experiments($space: SearchSpace) {\n    experiments(space: $space) {\n      id\n      name\n      createdAt\n      retention\n      precision\n      cancelledAt\n      resultCount\n      architectureCount\n      engine\n      backend\n      config {\n        space\n        images\n        labels\n        resolution\n        nTrain\n        nVal\n        ensemble\n        seed\n        stemChannels\n        stacks\n        modulesPerStack\n        dataset\n        bnBatchSize\n        engine\n        kernels\n        configs {\n          nTrain\n          nVal\n          ensemble\n        }\n      }\n    }\n  }\n": typeof types.ExperimentsDocument,
    "\n  query ExperimentStates {\n    experiments {\n      id\n      status\n      engine\n      backend\n      costPflops\n      progress {\n        done\n        queued\n        running\n        failed\n        total\n        ratePerHour\n        etaSeconds\n      }\n    }\n  }\n": typeof types.ExperimentStatesDocument,
    "\n  query SizeClusters($space: SearchSpace) {\n    sizeClusters(space: $space) {\n      id\n      label\n      minParameters\n      maxParameters\n      count\n    }\n  }\n": typeof types.SizeClustersDocument,
    "\n  query Counts($filter: ArchitectureFilter, $withTruth: ArchitectureFilter) {\n    all: architectures(filter: $filter, first: 1) {\n      totalCount\n    }\n    withGroundTruth: architectures(filter: $withTruth, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.CountsDocument,
    "\n  query Architectures(\n    $filter: ArchitectureFilter\n    $orderBy: ArchitectureOrder\n    $first: Int\n    $after: String\n    $experiment: ID\n    $withNngp: Boolean!\n  ) {\n    architectures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ArchitectureRowFields\n          nngp(experiment: $experiment) @include(if: $withNngp) {\n            kind\n            nTrain\n            nVal\n            ensemble\n            accuracy\n          }\n          training4: training(epochs: 4) {\n            repeat\n            validationAccuracy\n          }\n          training12: training(epochs: 12) {\n            repeat\n            validationAccuracy\n          }\n          proxies {\n            name\n            value\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ArchitecturesDocument,
    "\n  query Architecture($hash: ID!) {\n    architecture(hash: $hash) {\n      ...ArchitectureRowFields\n      matrix\n      operations\n      mnas {\n        accuracy5Epoch\n        latencyMs\n        finalAccuracy\n        reward\n        targetLatencyMs\n        latencyExponent\n        source\n      }\n      training {\n        epochs\n        repeat\n        validationAccuracy\n      }\n      trainingMeans {\n        epochs\n        repeats\n        validationAccuracy\n      }\n      nngp {\n        experiment {\n          id\n          name\n        }\n        kind\n        nTrain\n        nVal\n        ensemble\n        accuracy\n        accuracies\n        regularizers\n        engine\n        backend\n        seconds\n      }\n      proxies {\n        name\n        value\n        source\n      }\n    }\n  }\n": typeof types.ArchitectureDocument,
    "\n  query Metrics(\n    $filter: ArchitectureFilter\n    $predictors: [PredictorInput!]!\n    $subsets: SubsetsInput\n    $intervals: IntervalsInput\n  ) {\n    metrics(filter: $filter, predictors: $predictors, subsets: $subsets, intervals: $intervals) {\n      ...PredictorMetricsFields\n    }\n  }\n": typeof types.MetricsDocument,
    "\n  query SearchSpaceReduction($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {\n    searchSpaceReduction(filter: $filter, nngp: $nngp) {\n      epochs\n      screening\n      keepPercent\n      costPflops\n      discovered {\n        ...DiscoveredFields\n      }\n    }\n  }\n": typeof types.SearchSpaceReductionDocument,
    "\n  query Hybrid($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {\n    hybrid(filter: $filter, nngp: $nngp) {\n      fit {\n        epoch4Coefficient\n        nngpCoefficient\n        bias\n        rSquared\n        residualStandardError\n        count\n      }\n      metrics {\n        ...PredictorMetricsFields\n      }\n      notes\n    }\n  }\n": typeof types.HybridDocument,
    "\n  query ResidualBias($filter: ArchitectureFilter, $predictors: [PredictorInput!]) {\n    residualBias(filter: $filter, predictors: $predictors) {\n      residualConnections\n      architectures\n      percentiles {\n        predictor\n        meanPercentile\n      }\n    }\n  }\n": typeof types.ResidualBiasDocument,
    "\n  query ModelSizeCorrelation($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {\n    modelSizeCorrelation(filter: $filter, predictors: $predictors) {\n      predictor\n      count\n      kendallTau\n      pearson\n    }\n  }\n": typeof types.ModelSizeCorrelationDocument,
    "\n  query Scatter(\n    $filter: ArchitectureFilter\n    $x: PredictorInput!\n    $y: PredictorInput\n    $limit: Int\n  ) {\n    scatter(filter: $filter, x: $x, y: $y, limit: $limit) {\n      x\n      y\n      total\n      sampled\n      points {\n        hash\n        x\n        y\n      }\n    }\n  }\n": typeof types.ScatterDocument,
    "\n  query ParameterHistogram($filter: ArchitectureFilter, $bins: Int) {\n    parameterHistogram(filter: $filter, bins: $bins) {\n      min\n      max\n      count\n    }\n  }\n": typeof types.ParameterHistogramDocument,
    "\n  fragment Fig7NetworkFields on Fig7Network {\n    hash\n    encoding\n    nngpAccuracy\n    accuracy5Epoch\n    latencyMs\n    reward\n    finalAccuracy\n  }\n": typeof types.Fig7NetworkFieldsFragmentDoc,
    "\n  fragment Fig7CorrelationFields on Fig7Correlation {\n    kendallTau\n    pearson\n    kendallTauInterval {\n      low\n      high\n    }\n    pearsonInterval {\n      low\n      high\n    }\n  }\n": typeof types.Fig7CorrelationFieldsFragmentDoc,
    "\n  query Fig7(\n    $experiment: ID!\n    $config: NngpConfigShapeInput\n    $k: Int\n    $seed: Int\n    $reward: RewardInput\n  ) {\n    fig7(experiment: $experiment, config: $config, k: $k, seed: $seed, reward: $reward) {\n      experiment {\n        id\n        name\n      }\n      config {\n        nTrain\n        nVal\n        ensemble\n      }\n      reward {\n        targetLatencyMs\n        exponent\n      }\n      networks\n      k\n      measuredOnly\n      nngpOnly\n      selections {\n        name\n        networks {\n          ...Fig7NetworkFields\n        }\n        meanFinal\n        bestFinal\n        missingFinal\n      }\n      nngpVsReward {\n        ...Fig7CorrelationFields\n      }\n      nngpVsAccuracy5 {\n        ...Fig7CorrelationFields\n      }\n    }\n  }\n": typeof types.Fig7Document,
    "\n  mutation EnqueueEvaluations($experiment: ID!, $filter: ArchitectureFilter, $limit: Int) {\n    enqueueEvaluations(experiment: $experiment, filter: $filter, limit: $limit) {\n      enqueued\n      alreadyDone\n      alreadyQueued\n    }\n  }\n": typeof types.EnqueueEvaluationsDocument,
    "\n  query ExperimentLive($id: ID!) {\n    experiment(id: $id) {\n      id\n      status\n      engine\n      backend\n      costPflops\n      lastError\n      lastErrorAt\n      cancelledAt\n      progress {\n        done\n        queued\n        running\n        failed\n        failedForGood\n        total\n        ratePerHour\n        etaSeconds\n      }\n    }\n  }\n": typeof types.ExperimentLiveDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  mutation CancelExperiment($id: ID!) {\n    cancelExperiment(id: $id) {\n      removedJobs\n    }\n  }\n": typeof types.CancelExperimentDocument,
};
const documents: Documents = {
    "\n  fragment DiscoveredFields on Discovered {\n    mean\n    standardError\n    topK\n    subsetSize\n  }\n": types.DiscoveredFieldsFragmentDoc,
    "\n  fragment PredictorMetricsFields on PredictorMetrics {\n    predictor\n    count\n    kendallTau\n    pearson\n    kendallTauInterval {\n      low\n      high\n    }\n    pearsonInterval {\n      low\n      high\n    }\n    pqetp {\n      threshold\n      auroc\n    }\n    discovered {\n      ...DiscoveredFields\n    }\n    costPflops\n    notes\n  }\n": types.PredictorMetricsFieldsFragmentDoc,
    "\n  fragment ArchitectureRowFields on Architecture {\n    hash\n    space\n    encoding\n    trainableParameters\n    flops\n    residualConnections\n    groundTruth\n    sizeCluster {\n      id\n      label\n    }\n  }\n": types.ArchitectureRowFieldsFragmentDoc,
    "\n  query Experiments($space: SearchSpace) {\n    experiments(space: $space) {\n      id\n      name\n      createdAt\n      retention\n      precision\n      cancelledAt\n      resultCount\n      architectureCount\n      engine\n      backend\n      config {\n        space\n        images\n        labels\n        resolution\n        nTrain\n        nVal\n        ensemble\n        seed\n        stemChannels\n        stacks\n        modulesPerStack\n        dataset\n        bnBatchSize\n        engine\n        kernels\n        configs {\n          nTrain\n          nVal\n          ensemble\n        }\n      }\n    }\n  }\n": types.ExperimentsDocument,
    "\n  query ExperimentStates {\n    experiments {\n      id\n      status\n      engine\n      backend\n      costPflops\n      progress {\n        done\n        queued\n        running\n        failed\n        total\n        ratePerHour\n        etaSeconds\n      }\n    }\n  }\n": types.ExperimentStatesDocument,
    "\n  query SizeClusters($space: SearchSpace) {\n    sizeClusters(space: $space) {\n      id\n      label\n      minParameters\n      maxParameters\n      count\n    }\n  }\n": types.SizeClustersDocument,
    "\n  query Counts($filter: ArchitectureFilter, $withTruth: ArchitectureFilter) {\n    all: architectures(filter: $filter, first: 1) {\n      totalCount\n    }\n    withGroundTruth: architectures(filter: $withTruth, first: 1) {\n      totalCount\n    }\n  }\n": types.CountsDocument,
    "\n  query Architectures(\n    $filter: ArchitectureFilter\n    $orderBy: ArchitectureOrder\n    $first: Int\n    $after: String\n    $experiment: ID\n    $withNngp: Boolean!\n  ) {\n    architectures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ArchitectureRowFields\n          nngp(experiment: $experiment) @include(if: $withNngp) {\n            kind\n            nTrain\n            nVal\n            ensemble\n            accuracy\n          }\n          training4: training(epochs: 4) {\n            repeat\n            validationAccuracy\n          }\n          training12: training(epochs: 12) {\n            repeat\n            validationAccuracy\n          }\n          proxies {\n            name\n            value\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ArchitecturesDocument,
    "\n  query Architecture($hash: ID!) {\n    architecture(hash: $hash) {\n      ...ArchitectureRowFields\n      matrix\n      operations\n      mnas {\n        accuracy5Epoch\n        latencyMs\n        finalAccuracy\n        reward\n        targetLatencyMs\n        latencyExponent\n        source\n      }\n      training {\n        epochs\n        repeat\n        validationAccuracy\n      }\n      trainingMeans {\n        epochs\n        repeats\n        validationAccuracy\n      }\n      nngp {\n        experiment {\n          id\n          name\n        }\n        kind\n        nTrain\n        nVal\n        ensemble\n        accuracy\n        accuracies\n        regularizers\n        engine\n        backend\n        seconds\n      }\n      proxies {\n        name\n        value\n        source\n      }\n    }\n  }\n": types.ArchitectureDocument,
    "\n  query Metrics(\n    $filter: ArchitectureFilter\n    $predictors: [PredictorInput!]!\n    $subsets: SubsetsInput\n    $intervals: IntervalsInput\n  ) {\n    metrics(filter: $filter, predictors: $predictors, subsets: $subsets, intervals: $intervals) {\n      ...PredictorMetricsFields\n    }\n  }\n": types.MetricsDocument,
    "\n  query SearchSpaceReduction($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {\n    searchSpaceReduction(filter: $filter, nngp: $nngp) {\n      epochs\n      screening\n      keepPercent\n      costPflops\n      discovered {\n        ...DiscoveredFields\n      }\n    }\n  }\n": types.SearchSpaceReductionDocument,
    "\n  query Hybrid($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {\n    hybrid(filter: $filter, nngp: $nngp) {\n      fit {\n        epoch4Coefficient\n        nngpCoefficient\n        bias\n        rSquared\n        residualStandardError\n        count\n      }\n      metrics {\n        ...PredictorMetricsFields\n      }\n      notes\n    }\n  }\n": types.HybridDocument,
    "\n  query ResidualBias($filter: ArchitectureFilter, $predictors: [PredictorInput!]) {\n    residualBias(filter: $filter, predictors: $predictors) {\n      residualConnections\n      architectures\n      percentiles {\n        predictor\n        meanPercentile\n      }\n    }\n  }\n": types.ResidualBiasDocument,
    "\n  query ModelSizeCorrelation($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {\n    modelSizeCorrelation(filter: $filter, predictors: $predictors) {\n      predictor\n      count\n      kendallTau\n      pearson\n    }\n  }\n": types.ModelSizeCorrelationDocument,
    "\n  query Scatter(\n    $filter: ArchitectureFilter\n    $x: PredictorInput!\n    $y: PredictorInput\n    $limit: Int\n  ) {\n    scatter(filter: $filter, x: $x, y: $y, limit: $limit) {\n      x\n      y\n      total\n      sampled\n      points {\n        hash\n        x\n        y\n      }\n    }\n  }\n": types.ScatterDocument,
    "\n  query ParameterHistogram($filter: ArchitectureFilter, $bins: Int) {\n    parameterHistogram(filter: $filter, bins: $bins) {\n      min\n      max\n      count\n    }\n  }\n": types.ParameterHistogramDocument,
    "\n  fragment Fig7NetworkFields on Fig7Network {\n    hash\n    encoding\n    nngpAccuracy\n    accuracy5Epoch\n    latencyMs\n    reward\n    finalAccuracy\n  }\n": types.Fig7NetworkFieldsFragmentDoc,
    "\n  fragment Fig7CorrelationFields on Fig7Correlation {\n    kendallTau\n    pearson\n    kendallTauInterval {\n      low\n      high\n    }\n    pearsonInterval {\n      low\n      high\n    }\n  }\n": types.Fig7CorrelationFieldsFragmentDoc,
    "\n  query Fig7(\n    $experiment: ID!\n    $config: NngpConfigShapeInput\n    $k: Int\n    $seed: Int\n    $reward: RewardInput\n  ) {\n    fig7(experiment: $experiment, config: $config, k: $k, seed: $seed, reward: $reward) {\n      experiment {\n        id\n        name\n      }\n      config {\n        nTrain\n        nVal\n        ensemble\n      }\n      reward {\n        targetLatencyMs\n        exponent\n      }\n      networks\n      k\n      measuredOnly\n      nngpOnly\n      selections {\n        name\n        networks {\n          ...Fig7NetworkFields\n        }\n        meanFinal\n        bestFinal\n        missingFinal\n      }\n      nngpVsReward {\n        ...Fig7CorrelationFields\n      }\n      nngpVsAccuracy5 {\n        ...Fig7CorrelationFields\n      }\n    }\n  }\n": types.Fig7Document,
    "\n  mutation EnqueueEvaluations($experiment: ID!, $filter: ArchitectureFilter, $limit: Int) {\n    enqueueEvaluations(experiment: $experiment, filter: $filter, limit: $limit) {\n      enqueued\n      alreadyDone\n      alreadyQueued\n    }\n  }\n": types.EnqueueEvaluationsDocument,
    "\n  query ExperimentLive($id: ID!) {\n    experiment(id: $id) {\n      id\n      status\n      engine\n      backend\n      costPflops\n      lastError\n      lastErrorAt\n      cancelledAt\n      progress {\n        done\n        queued\n        running\n        failed\n        failedForGood\n        total\n        ratePerHour\n        etaSeconds\n      }\n    }\n  }\n": types.ExperimentLiveDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateExperimentDocument,
    "\n  mutation CancelExperiment($id: ID!) {\n    cancelExperiment(id: $id) {\n      removedJobs\n    }\n  }\n": types.CancelExperimentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DiscoveredFields on Discovered {\n    mean\n    standardError\n    topK\n    subsetSize\n  }\n"): typeof import('./graphql').DiscoveredFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PredictorMetricsFields on PredictorMetrics {\n    predictor\n    count\n    kendallTau\n    pearson\n    kendallTauInterval {\n      low\n      high\n    }\n    pearsonInterval {\n      low\n      high\n    }\n    pqetp {\n      threshold\n      auroc\n    }\n    discovered {\n      ...DiscoveredFields\n    }\n    costPflops\n    notes\n  }\n"): typeof import('./graphql').PredictorMetricsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArchitectureRowFields on Architecture {\n    hash\n    space\n    encoding\n    trainableParameters\n    flops\n    residualConnections\n    groundTruth\n    sizeCluster {\n      id\n      label\n    }\n  }\n"): typeof import('./graphql').ArchitectureRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments($space: SearchSpace) {\n    experiments(space: $space) {\n      id\n      name\n      createdAt\n      retention\n      precision\n      cancelledAt\n      resultCount\n      architectureCount\n      engine\n      backend\n      config {\n        space\n        images\n        labels\n        resolution\n        nTrain\n        nVal\n        ensemble\n        seed\n        stemChannels\n        stacks\n        modulesPerStack\n        dataset\n        bnBatchSize\n        engine\n        kernels\n        configs {\n          nTrain\n          nVal\n          ensemble\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentStates {\n    experiments {\n      id\n      status\n      engine\n      backend\n      costPflops\n      progress {\n        done\n        queued\n        running\n        failed\n        total\n        ratePerHour\n        etaSeconds\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentStatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SizeClusters($space: SearchSpace) {\n    sizeClusters(space: $space) {\n      id\n      label\n      minParameters\n      maxParameters\n      count\n    }\n  }\n"): typeof import('./graphql').SizeClustersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Counts($filter: ArchitectureFilter, $withTruth: ArchitectureFilter) {\n    all: architectures(filter: $filter, first: 1) {\n      totalCount\n    }\n    withGroundTruth: architectures(filter: $withTruth, first: 1) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').CountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Architectures(\n    $filter: ArchitectureFilter\n    $orderBy: ArchitectureOrder\n    $first: Int\n    $after: String\n    $experiment: ID\n    $withNngp: Boolean!\n  ) {\n    architectures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ArchitectureRowFields\n          nngp(experiment: $experiment) @include(if: $withNngp) {\n            kind\n            nTrain\n            nVal\n            ensemble\n            accuracy\n          }\n          training4: training(epochs: 4) {\n            repeat\n            validationAccuracy\n          }\n          training12: training(epochs: 12) {\n            repeat\n            validationAccuracy\n          }\n          proxies {\n            name\n            value\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ArchitecturesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Architecture($hash: ID!) {\n    architecture(hash: $hash) {\n      ...ArchitectureRowFields\n      matrix\n      operations\n      mnas {\n        accuracy5Epoch\n        latencyMs\n        finalAccuracy\n        reward\n        targetLatencyMs\n        latencyExponent\n        source\n      }\n      training {\n        epochs\n        repeat\n        validationAccuracy\n      }\n      trainingMeans {\n        epochs\n        repeats\n        validationAccuracy\n      }\n      nngp {\n        experiment {\n          id\n          name\n        }\n        kind\n        nTrain\n        nVal\n        ensemble\n        accuracy\n        accuracies\n        regularizers\n        engine\n        backend\n        seconds\n      }\n      proxies {\n        name\n        value\n        source\n      }\n    }\n  }\n"): typeof import('./graphql').ArchitectureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Metrics(\n    $filter: ArchitectureFilter\n    $predictors: [PredictorInput!]!\n    $subsets: SubsetsInput\n    $intervals: IntervalsInput\n  ) {\n    metrics(filter: $filter, predictors: $predictors, subsets: $subsets, intervals: $intervals) {\n      ...PredictorMetricsFields\n    }\n  }\n"): typeof import('./graphql').MetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchSpaceReduction($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {\n    searchSpaceReduction(filter: $filter, nngp: $nngp) {\n      epochs\n      screening\n      keepPercent\n      costPflops\n      discovered {\n        ...DiscoveredFields\n      }\n    }\n  }\n"): typeof import('./graphql').SearchSpaceReductionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hybrid($filter: ArchitectureFilter, $nngp: NngpConfigInput!) {\n    hybrid(filter: $filter, nngp: $nngp) {\n      fit {\n        epoch4Coefficient\n        nngpCoefficient\n        bias\n        rSquared\n        residualStandardError\n        count\n      }\n      metrics {\n        ...PredictorMetricsFields\n      }\n      notes\n    }\n  }\n"): typeof import('./graphql').HybridDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResidualBias($filter: ArchitectureFilter, $predictors: [PredictorInput!]) {\n    residualBias(filter: $filter, predictors: $predictors) {\n      residualConnections\n      architectures\n      percentiles {\n        predictor\n        meanPercentile\n      }\n    }\n  }\n"): typeof import('./graphql').ResidualBiasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelSizeCorrelation($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {\n    modelSizeCorrelation(filter: $filter, predictors: $predictors) {\n      predictor\n      count\n      kendallTau\n      pearson\n    }\n  }\n"): typeof import('./graphql').ModelSizeCorrelationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scatter(\n    $filter: ArchitectureFilter\n    $x: PredictorInput!\n    $y: PredictorInput\n    $limit: Int\n  ) {\n    scatter(filter: $filter, x: $x, y: $y, limit: $limit) {\n      x\n      y\n      total\n      sampled\n      points {\n        hash\n        x\n        y\n      }\n    }\n  }\n"): typeof import('./graphql').ScatterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParameterHistogram($filter: ArchitectureFilter, $bins: Int) {\n    parameterHistogram(filter: $filter, bins: $bins) {\n      min\n      max\n      count\n    }\n  }\n"): typeof import('./graphql').ParameterHistogramDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Fig7NetworkFields on Fig7Network {\n    hash\n    encoding\n    nngpAccuracy\n    accuracy5Epoch\n    latencyMs\n    reward\n    finalAccuracy\n  }\n"): typeof import('./graphql').Fig7NetworkFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Fig7CorrelationFields on Fig7Correlation {\n    kendallTau\n    pearson\n    kendallTauInterval {\n      low\n      high\n    }\n    pearsonInterval {\n      low\n      high\n    }\n  }\n"): typeof import('./graphql').Fig7CorrelationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Fig7(\n    $experiment: ID!\n    $config: NngpConfigShapeInput\n    $k: Int\n    $seed: Int\n    $reward: RewardInput\n  ) {\n    fig7(experiment: $experiment, config: $config, k: $k, seed: $seed, reward: $reward) {\n      experiment {\n        id\n        name\n      }\n      config {\n        nTrain\n        nVal\n        ensemble\n      }\n      reward {\n        targetLatencyMs\n        exponent\n      }\n      networks\n      k\n      measuredOnly\n      nngpOnly\n      selections {\n        name\n        networks {\n          ...Fig7NetworkFields\n        }\n        meanFinal\n        bestFinal\n        missingFinal\n      }\n      nngpVsReward {\n        ...Fig7CorrelationFields\n      }\n      nngpVsAccuracy5 {\n        ...Fig7CorrelationFields\n      }\n    }\n  }\n"): typeof import('./graphql').Fig7Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnqueueEvaluations($experiment: ID!, $filter: ArchitectureFilter, $limit: Int) {\n    enqueueEvaluations(experiment: $experiment, filter: $filter, limit: $limit) {\n      enqueued\n      alreadyDone\n      alreadyQueued\n    }\n  }\n"): typeof import('./graphql').EnqueueEvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentLive($id: ID!) {\n    experiment(id: $id) {\n      id\n      status\n      engine\n      backend\n      costPflops\n      lastError\n      lastErrorAt\n      cancelledAt\n      progress {\n        done\n        queued\n        running\n        failed\n        failedForGood\n        total\n        ratePerHour\n        etaSeconds\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelExperiment($id: ID!) {\n    cancelExperiment(id: $id) {\n      removedJobs\n    }\n  }\n"): typeof import('./graphql').CancelExperimentDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
