import type { TypedDocumentString } from '../../generated/graphql.ts';
import { ApiError, apiErrorFrom, type GraphqlErrorBody } from './errors.ts';

/**
 * One GraphQL operation from the browser, through the dashboard's /api/graphql pass-through
 * (client components: live progress). Errors become ApiError as on the server.
 *
 * @example const data = await browserGraphql(EXPERIMENT_LIVE, { id: '1' });
 */
export async function browserGraphql<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
    cache: 'no-store',
    signal,
  });
  let body: { data?: T | null; errors?: GraphqlErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`the dashboard answered HTTP ${response.status} without JSON`);
  }
  if (body.errors !== undefined && body.errors.length > 0) throw apiErrorFrom(body.errors);
  if (body.data == null)
    throw new ApiError(`the API answered HTTP ${response.status} without data`);
  return body.data;
}
