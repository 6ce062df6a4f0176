/**
 * Names for the API's answers as the dashboard selects them. Every type here is derived from
 * src/generated/ (graphql-codegen over server/src/schema.graphql and documents.ts), so a schema
 * or document change reaches the components through `pnpm --filter @nngp-nas/web codegen`.
 *
 * @example const rows: PredictorMetrics[] = (await query(METRICS, vars)).metrics;
 */
import type {
  ArchitectureQuery,
  ArchitecturesQuery,
  DiscoveredFieldsFragment,
  EnqueueEvaluationsMutation,
  ExperimentLiveQuery,
  ExperimentStatesQuery,
  ExperimentsQuery,
  Fig7Query,
  HybridQuery,
  ModelSizeCorrelationQuery,
  ParameterHistogramQuery,
  PredictorMetricsFieldsFragment,
  ResidualBiasQuery,
  ScatterQuery,
  SearchSpaceReductionQuery,
  SizeClustersQuery,
} from '../../generated/graphql.ts';

export type {
  ArchitectureFilter as ArchitectureFilterInput,
  ArchitectureOrder,
  ArchitectureOrderField,
  ExperimentStatus,
  IntervalsInput,
  IntRange as IntRangeInput,
  NngpConfigInput,
  NngpConfigShapeInput,
  OrderDirection,
  PredictorInput,
  PredictorKind,
  RewardInput,
  Screening,
  SearchSpace,
} from '../../generated/graphql.ts';

export type ExperimentSummary = ExperimentsQuery['experiments'][number];
export type ExperimentConfig = ExperimentSummary['config'];
export type NngpConfig = ExperimentConfig['configs'][number];
/** The live part of an experiment (queue state), fetched apart from the summary. */
export type ExperimentState = ExperimentStatesQuery['experiments'][number];
export type ExperimentProgress = ExperimentState['progress'];
export type SizeCluster = SizeClustersQuery['sizeClusters'][number];
export type Discovered = DiscoveredFieldsFragment;
export type PredictorMetrics = PredictorMetricsFieldsFragment;
export type ReductionRow = SearchSpaceReductionQuery['searchSpaceReduction'][number];
export type HybridResult = HybridQuery['hybrid'];
export type ResidualBiasRow = ResidualBiasQuery['residualBias'][number];
export type ModelSizeCorrelation = ModelSizeCorrelationQuery['modelSizeCorrelation'][number];
export type Scatter = ScatterQuery['scatter'];
export type HistogramBin = ParameterHistogramQuery['parameterHistogram'][number];
/** One row of the architectures table. */
export type ArchitectureRow = ArchitecturesQuery['architectures']['edges'][number]['node'];
export type ArchitecturePage = ArchitecturesQuery['architectures'];
export type ArchitectureDetail = NonNullable<ArchitectureQuery['architecture']>;
export type NngpResult = ArchitectureDetail['nngp'][number];
/** An MNAS network's imported measurements (null on NAS-Bench-101 cells). */
export type MnasMeasurement = NonNullable<ArchitectureDetail['mnas']>;
/** Paper Fig. 7 of an MNAS experiment against the imported measurements. */
export type Fig7 = Fig7Query['fig7'];
export type Fig7Selection = Fig7['selections'][number];
export type Fig7SelectionName = Fig7Selection['name'];
export type Fig7Network = Fig7Selection['networks'][number];
export type Fig7Correlation = Fig7['nngpVsReward'];
export type Fig7Interval = NonNullable<Fig7Correlation['kendallTauInterval']>;
export type EnqueueResult = EnqueueEvaluationsMutation['enqueueEvaluations'];
/** An experiment's live state, polled by the experiment page. */
export type ExperimentLive = NonNullable<ExperimentLiveQuery['experiment']>;
