/**
 * A key that is the same for arguments that mean the same: object keys sorted, null and absent
 * fields dropped (GraphQL passes an omitted optional argument as undefined, an explicit one as
 * null, and both mean "the default"); list order is kept, since it matters (predictors).
 *
 * @example cacheKey('scatter', { x: { kind: 'MODEL_SIZE' }, limit: null }) // 'scatter {"x":{"kind":"MODEL_SIZE"}}'
 */
export function cacheKey(field: string, args: unknown): string {
  return `${field} ${JSON.stringify(normalise(args) ?? {})}`;
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => normalise(v) ?? null);
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = normalise((value as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
