/**
 * Orders rows for DataLoader: one array per requested key, in the keys' order (empty where a
 * key has no rows), as DataLoader requires.
 *
 * @example groupByKey(['a', 'b'], rows, (r) => r.moduleHash) // [[rows of a], [rows of b]]
 */
export function groupByKey<K, R>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => K,
): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** One row (or null) per requested key, in the keys' order. */
export function oneByKey<K, R>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => K,
): (R | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
  return keys.map((key) => byKey.get(key) ?? null);
}
