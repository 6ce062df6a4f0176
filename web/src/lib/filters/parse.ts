import { type SearchSpace, spaceOfUrlValue, spaceUrlValues } from './space.ts';
import {
  type DashboardFilter,
  EMPTY_FILTER,
  type FilterParam,
  type FilterProblem,
  type Range,
  type SearchParamsInput,
} from './types.ts';

/** GraphQL Int is 32-bit; larger bounds would be rejected by the API. */
const MAX_INT = 2 ** 31 - 1;
const NUMBER = /^\d+(?:\.\d+)?(?:e\d+)?$/i;

/** Thrown inside the parsers; turned into a FilterProblem naming the parameter. */
class ParamError extends Error {}

/**
 * Reads the filter from URL parameters. Empty parameters are unset; a parameter that cannot be
 * read is left unset and reported in `problems` (the page shows them instead of crashing).
 *
 * @example
 * parseFilter({ sizeClusters: '0,1', residual: '0-2', params: '1000000-' }).filter
 * // { space: 'NASBENCH_101', sizeClusters: [0, 1], residual: { min: 0, max: 2 }, params: { min: 1000000, max: null }, experiment: null }
 */
export function parseFilter(input: SearchParamsInput): {
  filter: DashboardFilter;
  problems: FilterProblem[];
} {
  const filter: DashboardFilter = { ...EMPTY_FILTER };
  const problems: FilterProblem[] = [];
  const read = <K extends FilterParam>(param: K, parse: (value: string) => DashboardFilter[K]) => {
    const values = valuesOf(input, param);
    const value = values.at(-1)?.trim() ?? '';
    if (value === '') return;
    try {
      if (values.length > 1) throw new ParamError('is given more than once');
      filter[param] = parse(value);
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      problems.push({ param, value, message: `${param}=${value}: ${error.message}` });
    }
  };
  read('space', parseSpace);
  read('sizeClusters', parseClusterList);
  read('residual', (value) => parseRange(value, 'residual-connection counts'));
  read('params', (value) => parseRange(value, 'parameter counts'));
  read('experiment', parseExperimentId);
  return { filter, problems };
}

function valuesOf(input: SearchParamsInput, param: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(param);
  const value = input[param];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function parseSpace(value: string): SearchSpace {
  const space = spaceOfUrlValue(value);
  if (space === null) {
    throw new ParamError(`must be one of ${spaceUrlValues()}, got ${JSON.stringify(value)}`);
  }
  return space;
}

function parseClusterList(value: string): number[] {
  const ids = value.split(',').map((part) => parseCount(part.trim(), 'size-cluster ids'));
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** `a-b`, `a-`, `-b` or `a` (exactly a). */
function parseRange(value: string, what: string): Range {
  const parts = value.split('-');
  if (parts.length > 2) {
    throw new ParamError(`expected MIN-MAX (either bound may be empty), e.g. 0-2`);
  }
  const [low = '', high = low] = parts.length === 1 ? [value, value] : parts;
  const min = low.trim() === '' ? null : parseCount(low.trim(), what);
  const max = high.trim() === '' ? null : parseCount(high.trim(), what);
  if (min === null && max === null) throw new ParamError('needs at least one bound, e.g. 0-2');
  if (min !== null && max !== null && min > max) {
    throw new ParamError(`the lower bound ${min} is above the upper bound ${max}`);
  }
  return { min, max };
}

function parseCount(text: string, what: string): number {
  const number = NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(number)) {
    throw new ParamError(`${what} must be whole numbers ≥ 0, got ${JSON.stringify(text)}`);
  }
  if (number > MAX_INT) throw new ParamError(`${text} is larger than ${MAX_INT}`);
  return number;
}

function parseExperimentId(value: string): string {
  if (!/^\d+$/.test(value)) {
    throw new ParamError(`must be an experiment id (a whole number), got ${JSON.stringify(value)}`);
  }
  return String(Number(value));
}
