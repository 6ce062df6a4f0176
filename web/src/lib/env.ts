/** The dashboard server's environment. */
export interface WebEnv {
  /** The GraphQL endpoint every server-side request goes to. */
  apiUrl: URL;
}

const DEFAULT_API_URL = 'http://localhost:4000/graphql';

/**
 * Reads and validates the environment; the one place in the dashboard that looks at it.
 * An empty `NNGP_API_URL` means unset.
 *
 * @example readWebEnv({ NNGP_API_URL: 'http://localhost:4100/graphql' }).apiUrl.port // '4100'
 */
export function readWebEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  const raw = source.NNGP_API_URL?.trim() || DEFAULT_API_URL;
  let apiUrl: URL;
  try {
    apiUrl = new URL(raw);
  } catch {
    throw new Error(`invalid environment: NNGP_API_URL must be a URL, got ${JSON.stringify(raw)}`);
  }
  if (apiUrl.protocol !== 'http:' && apiUrl.protocol !== 'https:') {
    throw new Error(
      `invalid environment: NNGP_API_URL must be an http(s) URL, got ${JSON.stringify(raw)}`,
    );
  }
  return { apiUrl };
}
