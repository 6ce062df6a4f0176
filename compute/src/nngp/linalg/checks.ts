/**
 * Throws a RangeError unless `n` is a non-negative integer and `data` holds exactly
 * `rows`×`columns` numbers. `what` names the argument in the message.
 *
 * @example checkShape('a', a, n, n) // throws "a: expected 9 entries (3×3), got 8"
 */
export function checkShape(what: string, data: Float64Array, rows: number, columns: number): void {
  for (const [name, value] of [
    ['rows', rows],
    ['columns', columns],
  ] as const) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${what}: ${name} must be a non-negative integer, got ${value}`);
  }
  if (data.length !== rows * columns)
    throw new RangeError(
      `${what}: expected ${rows * columns} entries (${rows}×${columns}), got ${data.length}`,
    );
}
