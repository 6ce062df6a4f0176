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
  OrderDirection,
  PredictorInput,
  PredictorKind,
  Screening,
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
export type EnqueueResult = EnqueueEvaluationsMutation['enqueueEvaluations'];
/** An experiment's live state, polled by the experiment page. */
export type ExperimentLive = NonNullable<ExperimentLiveQuery['experiment']>;
