import { DEFAULT_SPACE, type SearchSpace } from './space.ts';

/** An inclusive range; a null bound is open. */
export interface Range {
  min: number | null;
  max: number | null;
}

/** The dashboard filter, the same on every page and kept in the URL. */
export interface DashboardFilter {
  /** The search space: which architectures and experiments, and which ground truth. */
  space: SearchSpace;
  /** Default size-cluster ids; null = every cluster. */
  sizeClusters: number[] | null;
  /** Residual-connection count range. */
  residual: Range | null;
  /** Trainable-parameter range. */
  params: Range | null;
  /** Experiment id: its NNGP configurations are plotted and only its architectures are kept. */
  experiment: string | null;
}

/** The URL parameter names, in the order they are written. */
export const FILTER_PARAMS = ['space', 'sizeClusters', 'residual', 'params', 'experiment'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** A URL parameter that could not be read; the page shows it and ignores that parameter. */
export interface FilterProblem {
  param: FilterParam;
  value: string;
  message: string;
}

/** Next's `searchParams` shape, or anything URLSearchParams-like. */
export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

export const EMPTY_FILTER: DashboardFilter = {
  space: DEFAULT_SPACE,
  sizeClusters: null,
  residual: null,
  params: null,
  experiment: null,
};
