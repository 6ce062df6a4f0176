import { cache } from 'react';
import type { TypedDocumentString } from '../../generated/graphql.ts';
import { readWebEnv } from '../env.ts';
import { ApiError, apiErrorFrom, type GraphqlErrorBody } from './errors.ts';

interface GraphqlResponseBody<T> {
  data?: T | null;
  errors?: GraphqlErrorBody[];
}

/**
 * POSTs one GraphQL operation to NNGP_API_URL from the Next server, never cached (every page
 * shows current data), and returns `data`; GraphQL errors and unreachable APIs become ApiError.
 *
 * @example const { experiments } = await requestGraphql(EXPERIMENTS, {}); // typed by the document
 */
export async function requestGraphql<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  options: { token?: string } = {},
): Promise<T> {
  return (await post(document.toString(), variables, options)) as T;
}

async function post(
  text: string,
  variables: unknown,
  options: { token?: string },
): Promise<unknown> {
  const { apiUrl } = readWebEnv();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(apiUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: text, variables }),
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(
      `could not reach the API at ${apiUrl.href} (${(error as Error).message}); start it with \`pnpm start\` or set NNGP_API_URL`,
      'API_UNREACHABLE',
    );
  }
  let body: GraphqlResponseBody<unknown>;
  try {
    body = (await response.json()) as GraphqlResponseBody<unknown>;
  } catch {
    throw new ApiError(`the API answered HTTP ${response.status} without JSON`, 'BAD_RESPONSE');
  }
  if (body.errors !== undefined && body.errors.length > 0) throw apiErrorFrom(body.errors);
  if (body.data == null)
    throw new ApiError(`the API answered HTTP ${response.status} without data`);
  return body.data;
}

/**
 * `requestGraphql` deduplicated within one server render: figures in separate Suspense
 * boundaries that need the same data share one request.
 *
 * @example const { sizeClusters } = await query(SIZE_CLUSTERS, {});
 */
export function query<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T> {
  return cachedByKey(document.toString(), JSON.stringify(variables)) as Promise<T>;
}

// React's cache compares arguments by identity; keying on the JSON text lets equal variables
// built separately share the request.
const cachedByKey = cache(
  (text: string, variablesJson: string): Promise<unknown> =>
    post(text, JSON.parse(variablesJson), {}),
);
