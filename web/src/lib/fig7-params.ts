import type { SearchParamsInput } from './filters/index.ts';

/** Networks per selection when the URL names none (the paper's and the API's default). */
export const DEFAULT_FIG7_K = 10;
/** Guards the request against typos (k=1000000); the API checks its own limit too. */
const MAX_FIG7_K = 1000;

/**
 * The Fig. 7 panel's `k` URL parameter (networks per selection): a whole number from 1; absent
 * or empty means 10. An unreadable value is reported (naming the parameter) and 10 is used.
 *
 * @example parseFig7K({ k: '20' }) // { k: 20, problem: null }
 */
export function parseFig7K(input: SearchParamsInput): { k: number; problem: string | null } {
  const raw = input instanceof URLSearchParams ? input.get('k') : input.k;
  const value = (Array.isArray(raw) ? raw.at(-1) : raw)?.trim() ?? '';
  if (value === '') return { k: DEFAULT_FIG7_K, problem: null };
  const k = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(k >= 1 && k <= MAX_FIG7_K)) {
    return {
      k: DEFAULT_FIG7_K,
      problem: `k=${value}: must be a whole number from 1 to ${MAX_FIG7_K}; showing k = ${DEFAULT_FIG7_K}`,
    };
  }
  return { k, problem: null };
}
