/**
 * The columns of a committed results file, in order: one row per (architecture, kernel kind,
 * configuration) as `nngp_results` holds it. Per-regularizer accuracies are `;`-separated, empty where the
 * factorisation failed. `created_at` (UTC, ISO 8601) is when the result was computed: the run's
 * wall clock and throughput are measured from it, in any database the files are loaded into.
 */
export const RESULT_COLUMNS = [
  'module_hash',
  'kind',
  'n_train',
  'n_val',
  'ensemble',
  'accuracy',
  'accuracies',
  'regularizers',
  'engine',
  'backend',
  'seconds',
  'flops',
  'created_at',
] as const;

/**
 * Columns a results file may lack (files written before they existed); loading fills them in
 * (kind 'nngp', created_at the time of loading).
 */
export const OPTIONAL_COLUMNS: readonly (typeof RESULT_COLUMNS)[number][] = ['kind', 'created_at'];

/** A field as RFC 4180 writes it: quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Numbers joined with `;` (null as empty), the inverse of {@link parseNumberList}. */
export function formatNumberList(values: readonly (number | null)[]): string {
  return values.map((v) => (v === null ? '' : String(v))).join(';');
}

/**
 * A `;`-separated list of numbers (empty items are null).
 *
 * @example parseNumberList('0.5;;0.25') // [0.5, null, 0.25]
 */
export function parseNumberList(text: string): (number | null)[] {
  if (text === '') return [];
  return text.split(';').map((item) => (item === '' ? null : Number(item)));
}
