/** The dashboard filter: URL parameters ⇄ filter ⇄ GraphQL input, shared by every page. */
export { describeFilter, describeRange } from './describe.ts';
export { type ExperimentInForce, experimentInForce } from './in-force.ts';
export { parseFilter } from './parse.ts';
export { filterHref, formatRange, otherParams, serializeFilter } from './serialize.ts';
export {
  DEFAULT_SPACE,
  groundTruthName,
  SEARCH_SPACES,
  type SearchSpace,
  spaceLabel,
  spaceOfUrlValue,
  spaceUrlValue,
} from './space.ts';
export {
  type ArchitectureFilterInput,
  type IntRangeInput,
  toArchitectureFilter,
} from './to-graphql.ts';
export {
  type DashboardFilter,
  EMPTY_FILTER,
  FILTER_PARAMS,
  type FilterParam,
  type FilterProblem,
  type Range,
  type SearchParamsInput,
} from './types.ts';
