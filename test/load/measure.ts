import autocannon from 'autocannon';
import type { Scenario } from './scenarios.ts';

/** What one scenario under load gave. */
export interface LoadFigures {
  scenario: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Latency percentiles in ms, nearest rank over every response. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: {
    /** Responses with a status outside 2xx. */
    non2xx: number;
    /** 2xx responses whose body is not JSON with `data` and without `errors`. */
    graphql: number;
    /** Connection errors and timeouts. */
    transport: number;
    total: number;
  };
}

/**
 * Runs `scenario` against the GraphQL endpoint `url` with `connections` concurrent connections
 * for `seconds`, checking every response body for GraphQL errors and recording every latency
 * (autocannon reports p97.5 but not p95).
 *
 * @example const figures = await loadScenario(url, SCENARIOS[0], { connections: 50, seconds: 10 });
 */
export async function loadScenario(
  url: string,
  scenario: Scenario,
  options: { connections: number; seconds: number },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    // A request still waiting after 60 s is an error, not a slow success.
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: new URL(url).pathname,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && !isGraphQLSuccess(body)) graphqlErrors++;
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const transport = result.errors + result.timeouts;
  return {
    scenario: scenario.name,
    connections: options.connections,
    seconds: result.duration,
    requests: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    errors: {
      non2xx: result.non2xx,
      graphql: graphqlErrors,
      transport,
      total: result.non2xx + graphqlErrors + transport,
    },
  };
}

function isGraphQLSuccess(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data != null;
  } catch {
    return false;
  }
}

/** Nearest-rank percentile of ascending `sorted` (NaN when empty). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
