import { copyFile, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCEPTION } from '../nasbench/cells.ts';
import { runNngp } from '../support/cli.ts';
import { FIXTURE } from '../support/fixtures.ts';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'nngp-cli-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

function nngp(args: string[], stdin = '') {
  return runNngp(args, {
    env: { ...process.env, DATABASE_URL: database.url, NNGP_DATA_DIR: dir },
    stdin,
  });
}

describe('nngp CLI', () => {
  it('nasbench import --json prints the summary; stats --json counts it', async () => {
    const run = await nngp(['nasbench', 'import', FIXTURE, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      records: 41_156,
      modules: 10_302,
      repeats: 3,
      skipped: 0,
    });
    const stats = await nngp(['stats', '--json']);
    expect(JSON.parse(stats.stdout)).toEqual({
      architectures: 10_302,
      architecturesWithGroundTruth: 10_302,
      trainingRecords: 41_156,
      proxyScores: 0,
      experiments: 0,
      nngpResults: 0,
    });
  }, 120_000);

  it('exits 2 naming the byte offset and record of a corrupt file', async () => {
    const damaged = path.join(dir, 'damaged.tfrecord');
    await copyFile(FIXTURE, damaged);
    const handle = await open(damaged, 'r+');
    await handle.write(Buffer.from([0x7b]), 0, 1, 5000);
    await handle.close();
    const run = await nngp(['nasbench', 'import', damaged]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/damaged\.tfrecord: record \d+ at byte offset \d+: .*CRC/);
  }, 60_000);

  it('exits 2 with a clear message for bad arguments', async () => {
    const missing = await nngp(['nasbench', 'import', path.join(dir, 'nope.tfrecord')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('record file not found');
    const unknown = await nngp(['nasbench', 'frobnicate']);
    expect(unknown.code).toBe(2);
    const batch = await nngp(['nasbench', 'import', FIXTURE, '--batch-size', 'x']);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain('--batch-size must be a positive integer');
  }, 60_000);

  it('nasbench spec describes each line of stdin or says what is wrong with it', async () => {
    const input = [
      JSON.stringify({ matrix: INCEPTION.matrix, ops: INCEPTION.ops }),
      JSON.stringify({
        matrix: [
          [0, 0],
          [0, 0],
        ],
        ops: ['input', 'output'],
      }),
      'not json',
    ].join('\n');
    const run = await nngp(['nasbench', 'spec'], input);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      hash: INCEPTION.hash,
      trainableParameters: 2_694_282,
      residualConnections: 6,
    });
    expect(Object.keys(lines[0])).toEqual([
      'hash',
      'matrix',
      'ops',
      'trainableParameters',
      'flops',
      'residualConnections',
    ]);
    expect(lines[1]).toEqual({ error: 'line 2: invalid cell: the input cannot reach the output' });
    expect(lines[2]).toEqual({ error: 'line 3: not valid JSON' });
  }, 60_000);

  it('nasbench enumerate --out --no-db writes one JSON line per module', async () => {
    const out = path.join(dir, 'space.jsonl');
    const run = await nngp(['nasbench', 'enumerate', '--out', out, '--no-db', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(out, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(423_624);
    const inception = lines.map((l) => JSON.parse(l)).find((m) => m.hash === INCEPTION.hash);
    expect(inception).toMatchObject({ trainableParameters: 2_694_282, residualConnections: 6 });
  }, 300_000);

  it('download says how to place a file by hand when the network is unreachable', async () => {
    const run = await nngp([
      'download',
      'nasbench-only108',
      '--dir',
      dir,
      '--url',
      'http://127.0.0.1:9/nasbench_only108.tfrecord',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not download http://127.0.0.1:9/nasbench_only108.tfrecord');
    expect(run.stderr).toContain(`place it at ${path.join(dir, 'nasbench_only108.tfrecord')}`);
  }, 60_000);

  it('download saves the file from a reachable address', async () => {
    const body = Buffer.from('record bytes');
    const server = createServer((_, res) => res.end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const run = await nngp([
        'download',
        'nasbench-full',
        '--dir',
        dir,
        '--url',
        `http://127.0.0.1:${port}/f`,
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const { path: saved } = JSON.parse(run.stdout);
      expect(await readFile(saved)).toEqual(body);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe('nngp infer', () => {
  it('runs NNGP inference on a kernel given as JSON', async () => {
    // Two well-separated classes: each validation point equals one training point.
    const kTrainTrain = [
      [1, 0.9, 0, 0],
      [0.9, 1, 0, 0],
      [0, 0, 1, 0.9],
      [0, 0, 0.9, 1],
    ];
    const input = {
      kTrainTrain,
      kValTrain: [kTrainTrain[0], kTrainTrain[3]],
      trainLabels: [0, 0, 1, 1],
      valLabels: [0, 1],
      numClasses: 2,
      regularizers: [1e-3, 1],
    };
    const run = await runNngp(['infer', '--json'], {
      env: process.env,
      stdin: JSON.stringify(input),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      regularizers: [1e-3, 1],
      accuracies: [1, 1],
      bestAccuracy: 1,
      bestRegularizer: 1e-3,
    });
  });

  it('exits 2 naming the field of a bad shape', async () => {
    const input = {
      kTrainTrain: [
        [1, 0],
        [0, 1],
      ],
      kValTrain: [[1]],
      trainLabels: [0, 1],
      valLabels: [0],
    };
    const run = await runNngp(['infer'], { env: process.env, stdin: JSON.stringify(input) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kValTrain');
    const notJson = await runNngp(['infer'], { env: process.env, stdin: '{' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('stdin is not valid JSON');
  });
});
