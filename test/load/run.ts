/**
 * `pnpm loadtest [--duration S] [--warmup S] [--connections N] [--database-url URL] [--no-export] [--json]`:
 * the API under load over the full search space (all 423,624 modules, the record fixture and
 * the shared proxy CSVs). Prepares a scratch database (createTestDatabase: the server of
 * NNGP_TEST_DATABASE_URL, else the embedded one; about a minute) or reuses `--database-url`
 * (prepared idempotently, instant the second time), serves the API from a child process on a
 * loopback port, and for each scenario runs autocannon for a warm-up, then for the measured
 * duration. Prints requests/s, p50/p95/p99 latency and errors (non-2xx, GraphQL `errors` in any
 * body, connection errors and timeouts), then the time and server memory of a full CSV export.
 * Exits 1 when any request failed.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { type Database, openDatabase } from '@nngp-nas/db';
import { createTestDatabase } from '@nngp-nas/db/testing';
import { prepareFullSpace } from '../api/support.ts';
import { startApiChild } from './api-child.ts';
import { type ExportFigures, exportFigures } from './export-figures.ts';
import { type LoadFigures, loadScenario } from './measure.ts';
import { SCENARIOS } from './scenarios.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'database-url': { type: 'string' },
    'no-export': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const seconds = positive('duration', args.duration);
const warmup = positive('warmup', args.warmup);
const connections = positive('connections', args.connections);
const log = (line: string) => process.stderr.write(`${line}\n`);

const reuse = args['database-url'];
const database: Database =
  reuse === undefined ? await createTestDatabase() : await openDatabase({ url: reuse, log });
let failed = false;
try {
  log(`preparing ${database.mode} database (full space, record fixture, proxies; idempotent)`);
  const prepared = performance.now();
  const stats = await prepareFullSpace(database);
  // Planner statistics now rather than whenever autovacuum gets to the freshly loaded tables.
  await database.pool.query('ANALYZE');
  log(`ready in ${((performance.now() - prepared) / 1000).toFixed(1)} s: ${JSON.stringify(stats)}`);
  const api = await startApiChild(database.url);
  try {
    const startLoad = os.loadavg()[0] ?? Number.NaN;
    const scenarios: LoadFigures[] = [];
    for (const scenario of SCENARIOS) {
      log(`${scenario.name}: warm-up ${warmup} s, then ${seconds} s at ${connections} connections`);
      await loadScenario(api.url, scenario, { connections, seconds: warmup });
      scenarios.push(await loadScenario(api.url, scenario, { connections, seconds }));
    }
    let csv: ExportFigures | null = null;
    if (!args['no-export']) {
      log('full CSV export');
      csv = await exportFigures(api.url, api.memory);
    }
    const report = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length}-core ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}, loopback`,
      /** 1-minute load average when the measurements started: other work on the machine. */
      loadAverage: startLoad,
      scenarios,
      export: csv,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printTable(`${report.machine}, load average ${startLoad.toFixed(1)}`, scenarios, csv);
    failed = scenarios.some((s) => s.errors.total > 0);
  } finally {
    await api.stop();
  }
} finally {
  await database.close();
}
process.exitCode = failed ? 1 : 0;

function printTable(machine: string, scenarios: LoadFigures[], csv: ExportFigures | null): void {
  const ms = (x: number) => x.toFixed(1);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${machine}; ${connections} connections, ${seconds} s each after a ${warmup} s warm-up`);
  out('| scenario | requests/s | p50 ms | p95 ms | p99 ms | errors |');
  out('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of scenarios)
    out(
      `| ${s.scenario} | ${s.requestsPerSecond.toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors.total} |`,
    );
  if (csv !== null)
    out(
      `full CSV export: ${csv.rows} rows, ${csv.megabytes.toFixed(1)} MB in ${csv.seconds.toFixed(1)} s; API process RSS ${csv.rssBeforeMiB.toFixed(0)} MiB before, peak ${csv.rssPeakMiB.toFixed(0)} MiB`,
    );
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    log(`--${name} must be a positive integer (got ${JSON.stringify(value)})`);
    process.exit(2);
  }
  return n;
}
