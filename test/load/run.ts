/**
 * `pnpm loadtest [--duration S] [--warmup S] [--connections N] [--database-url URL] [--no-export]
 * [--scenario TEXT] [--cpu-prof DIR] [--api-node-flags=FLAGS] [--json]`:
 * the API under load over the full search space (all 423,624 modules, the record fixture and
 * the shared proxy CSVs). Prepares a scratch database (createTestDatabase: the server of
 * NNGP_TEST_DATABASE_URL, else the embedded one; about a minute) or reuses `--database-url`
 * (prepared idempotently, instant the second time), serves the API from a child process on a
 * loopback port, and for each scenario runs autocannon for a warm-up, then for the measured
 * duration. Prints requests/s, p50/p95/p99 latency, the API process's CPU ms per request and
 * errors (non-2xx, GraphQL `errors` in any body, connection errors and timeouts), then the time
 * and server memory of a full CSV export. `--scenario` runs only the scenarios whose name
 * contains TEXT; `--cpu-prof` writes the API process's V8 CPU profile (`.cpuprofile`, open it in
 * Chrome DevTools or speedscope) into DIR when it stops; `--api-node-flags` adds Node/V8 flags
 * (space-separated, given with `=`: `--api-node-flags=--trace-gc`) to the API process's command
 * line. Exits 1 when any request failed.
 */
import os from 'node:os';
import path from 'node:path';
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
    scenario: { type: 'string', default: '' },
    'cpu-prof': { type: 'string' },
    'api-node-flags': { type: 'string', default: '' },
    json: { type: 'boolean', default: false },
  },
});
const seconds = positive('duration', args.duration);
const warmup = positive('warmup', args.warmup);
const connections = positive('connections', args.connections);
const log = (line: string) => process.stderr.write(`${line}\n`);
const selected = SCENARIOS.filter((s) => s.name.includes(args.scenario));
if (selected.length === 0) {
  log(
    `--scenario ${JSON.stringify(args.scenario)} matches none of: ${SCENARIOS.map((s) => s.name).join('; ')}`,
  );
  process.exit(2);
}
const profileDir = args['cpu-prof'];

const reuse = args['database-url'];
const database: Database =
  reuse === undefined ? await createTestDatabase() : await openDatabase({ url: reuse, log });
let failed = false;
try {
  log(`preparing ${database.mode} database (full space, record fixture, proxies; idempotent)`);
  const prepared = performance.now();
  const stats = await prepareFullSpace(database);
  // Planner statistics and visibility maps now rather than whenever autovacuum gets to the
  // freshly loaded tables (never, where it is off): preparing rewrites every architecture row
  // (its size cluster), and until a vacuum marks the pages all-visible the listing cannot read
  // its keys from the (cluster, residual, hash) index alone. Unvacuumed, the planner walks the
  // primary key instead: 15 ms of database CPU per page rather than 2.
  await database.pool.query('VACUUM (ANALYZE)');
  log(`ready in ${((performance.now() - prepared) / 1000).toFixed(1)} s: ${JSON.stringify(stats)}`);
  const api = await startApiChild(database.url, {}, [
    ...(profileDir === undefined
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`]),
    ...args['api-node-flags'].split(' ').filter((flag) => flag !== ''),
  ]);
  try {
    const startLoad = os.loadavg()[0] ?? Number.NaN;
    const scenarios: LoadFigures[] = [];
    for (const scenario of selected) {
      log(`${scenario.name}: warm-up ${warmup} s, then ${seconds} s at ${connections} connections`);
      scenarios.push(
        await loadScenario(api.url, scenario, {
          connections,
          warmupSeconds: warmup,
          seconds,
          apiCpuMs: api.cpuMs,
        }),
      );
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
  out('| scenario | requests/s | p50 ms | p95 ms | p99 ms | API CPU ms/request | errors |');
  out('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of scenarios)
    out(
      `| ${s.scenario} | ${s.requestsPerSecond.toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.apiCpuMsPerRequest.toFixed(2)} | ${s.errors.total} |`,
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
