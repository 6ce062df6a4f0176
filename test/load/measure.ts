import autocannon from 'autocannon';
import type { Scenario } from './scenarios.ts';

/** What one scenario under load gave. */
export interface LoadFigures {
  scenario: string;
  connections: number;
  /** The measured period (after the warm-up), in seconds. */
  seconds: number;
  /** Responses to requests sent during the measured period (their latencies are the figures). */
  requests: number;
  /** Responses received during the measured period, per second. */
  requestsPerSecond: number;
  /** Latency percentiles in ms, nearest rank over those responses. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /**
   * The API process's CPU time (user + system) per response, in ms: unlike latency, it hardly
   * depends on what else the machine runs, so it compares runs taken at different loads.
   */
  apiCpuMsPerRequest: number;
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
 * Runs `scenario` against the GraphQL endpoint `url` with `connections` concurrent connections,
 * first for `warmupSeconds`, then for the measured `seconds` on the same connections, checking
 * every response body for GraphQL errors (warm-up included: a failure is one whenever it
 * happens) and recording the latency of every request sent after the warm-up and answered
 * within the measured period (autocannon reports p97.5 but not p95). One autocannon run for
 * both: a second one would open its connections to a server still saturated by the first,
 * which accepts them over a second or two, and would measure that instead of the API.
 * `apiCpuMs` reads the API process's CPU time when the measured period starts and ends (NaN
 * per request without it).
 *
 * @example const figures = await loadScenario(url, SCENARIOS[0], { connections: 50, warmupSeconds: 3, seconds: 10, apiCpuMs: api.cpuMs });
 */
export async function loadScenario(
  url: string,
  scenario: Scenario,
  options: {
    connections: number;
    warmupSeconds: number;
    seconds: number;
    apiCpuMs?: () => Promise<number>;
  },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  /** Responses received during the measured period, whenever their request was sent. */
  let answered = 0;
  let graphqlErrors = 0;
  const started = performance.now();
  const measuredFrom = started + options.warmupSeconds * 1000;
  const measuredUntil = measuredFrom + options.seconds * 1000;
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.warmupSeconds + options.seconds,
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
    const now = performance.now();
    if (now < measuredFrom || now > measuredUntil) return;
    answered++;
    if (now - ms >= measuredFrom) latencies.push(ms);
  });
  const cpu = options.apiCpuMs;
  const cpuAtStart =
    cpu === undefined
      ? Promise.resolve(Number.NaN)
      : new Promise<number>((resolve, reject) => {
          setTimeout(() => cpu().then(resolve, reject), options.warmupSeconds * 1000);
        });
  const result = await instance;
  const cpuAtEnd = (await cpu?.()) ?? Number.NaN;
  const cpuMs = cpuAtEnd - (await cpuAtStart);
  latencies.sort((a, b) => a - b);
  const transport = result.errors + result.timeouts;
  const seconds = Math.min(options.seconds, result.duration - options.warmupSeconds);
  return {
    scenario: scenario.name,
    connections: options.connections,
    seconds,
    requests: latencies.length,
    requestsPerSecond: answered / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    apiCpuMsPerRequest: cpuMs / answered,
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
