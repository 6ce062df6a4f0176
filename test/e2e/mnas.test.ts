import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  evaluateMnas,
  type Fig7Report,
  loadMnasData,
  mnasCost,
  mnasNetwork,
  mnasResultRows,
  readMnasResults,
  sampleMnas,
} from '@nngp-nas/compute/mnas';
import { OnnxFeatureEngine } from '@nngp-nas/compute/network/onnx';
import {
  estimateSeedKernel,
  estimateSeedKernelOnnx,
  seedRequest,
  withImageTensor,
} from '@nngp-nas/compute/nngp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImageFolder } from '../../compute/test/datasets/image-folder-fixture.ts';
import { runNngp } from '../../compute/test/support/cli.ts';
import { relativeDifference } from '../../compute/test/support/relative-difference.ts';

let dir: string;
let images: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nngp-mnas-'));
  // Real photographs (CIFAR-10 written as JPEG) in ImageNet's train/ and val/ layout.
  images = (await writeImageFolder(dir)).root;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const nngp = (args: string[]) => runNngp(['mnas', ...args], { env: process.env });
/** 20/20 images of 5 of the 10 classes at 32×32, M 2 (and 10/20 ×1 from the same kernels). */
const SETTING = ['--train', '20', '--val', '20', '--ensemble', '2', '--configs', '10x20x1'];
const DATA = ['--images', '', '--labels', '5', '--resolution', '32', '--seed', '3'];
const data = () => DATA.map((a) => (a === '' ? images : a));

describe('nngp mnas (sample, evaluate, fig7) on an ImageNet-format folder of real photographs', () => {
  it('samples the seeded networks with their hashes, parameters and FLOPs', async () => {
    const run = await nngp(['sample', '--count', '4', '--seed', '3']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n');
    expect(rows[0]).toBe('index,hash,encoding,parameters,flops');
    const specs = sampleMnas(4, 3);
    expect(rows.slice(1)).toEqual(
      specs.map(
        (s, i) => `${i},${s.hash()},${s.encode()},${mnasCost(s).parameters},${mnasCost(s).flops}`,
      ),
    );
  });

  it('evaluates end to end, resumes, and matches the library path', async () => {
    const out = join(dir, 'nngp.csv');
    const first = await nngp([
      'evaluate',
      ...data(),
      ...SETTING,
      '--count',
      '2',
      '--out',
      out,
      '--engine',
      'onnx',
    ]);
    expect(first.stderr).toContain('5 classes at 32×32');
    expect(first.code).toBe(0);
    const rows = await readMnasResults(out);
    const specs = sampleMnas(3, 3);
    expect(rows.map((r) => [r.hash, r.nTrain, r.ensemble])).toEqual([
      [specs[0]?.hash(), 20, 2],
      [specs[0]?.hash(), 10, 1],
      [specs[1]?.hash(), 20, 2],
      [specs[1]?.hash(), 10, 1],
    ]);
    for (const r of rows) expect(r.accuracy).toBeGreaterThanOrEqual(0);

    // A rerun with one more network evaluates only that one.
    const before = await readFile(out, 'utf8');
    const second = await nngp([
      'evaluate',
      ...data(),
      ...SETTING,
      '--count',
      '3',
      '--out',
      out,
      '--engine',
      'onnx',
    ]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('2 of 3 networks already in');
    const after = await readFile(out, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect((await readMnasResults(out)).map((r) => r.hash).slice(4)).toEqual([
      specs[2]?.hash(),
      specs[2]?.hash(),
    ]);

    // The library on the same draw gives the CLI's rows, on tfjs as well as ONNX Runtime.
    const mnasData = await loadMnasData({
      images,
      labels: 5,
      resolution: 32,
      seed: 3,
      nTrain: 20,
      nVal: 20,
      ensemble: 2,
      bnBatchSize: 128,
    });
    expect(mnasData.classNames).toHaveLength(5);
    const spec = specs[0];
    if (spec === undefined) throw new Error('no spec');
    let library: number | null = null;
    const largest = { nTrain: 20, nVal: 20, ensemble: 2 };
    await evaluateMnas(
      [spec],
      mnasData,
      { configs: [largest], batchSize: 50, engine: 'onnx' },
      (e) => {
        library = mnasResultRows(e, spec)[0]?.accuracy ?? null;
      },
    );
    expect(library).toBe(rows[0]?.accuracy);

    // tfjs computes the same kernel. (Not compared by accuracy: at init, with batch norm near
    // the identity, a deep MNAS network's features are nearly collinear, so the solves amplify
    // last-bit differences into flipped predictions.)
    const graph = mnasNetwork(spec, { imageSize: 32 });
    const request = seedRequest(mnasData, { batchSize: 50 }, 1);
    const onTfjs = await withImageTensor(mnasData, null, (tensor) =>
      estimateSeedKernel(graph, { images: tensor, ...request }),
    );
    const engine = new OnnxFeatureEngine(graph, 'cpu');
    try {
      const onOnnx = await estimateSeedKernelOnnx(engine, { images: mnasData.images, ...request });
      expect(relativeDifference(onTfjs.kernel.kValTrain, onOnnx.kernel.kValTrain)).toBeLessThan(
        1e-4,
      );
    } finally {
      await engine.release();
    }
  }, 180_000);

  it('runs the Fig. 7 analysis on imported MNAS results', async () => {
    const out = join(dir, 'nngp.csv');
    const rows = (await readMnasResults(out)).filter((r) => r.nTrain === 20);
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('evaluate first');
    // One network given by encoding, two by hash; c is the fastest and most accurate after 5 epochs.
    const measurements = join(dir, 'measured.csv');
    await writeFile(
      measurements,
      [
        'encoding,hash,accuracy_5epoch,latency_ms,final_accuracy',
        `${a.encoding},,0.50,90,0.70`,
        `,${b.hash},0.55,80,`,
        `,${c.hash},0.60,60,0.76`,
      ].join('\n'),
    );
    const run = await nngp([
      'fig7',
      '--nngp',
      out,
      '--measurements',
      measurements,
      '--k',
      '1',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Fig7Report;
    expect(report.networks).toBe(3);
    expect(report.config).toEqual({ nTrain: 20, nVal: 20, ensemble: 2 });
    const by = Object.fromEntries(report.selections.map((s) => [s.name, s]));
    expect(report.hashes[by.reward?.positions[0] as number]).toBe(c.hash);
    expect(by.reward?.finalAccuracies).toEqual([0.76]);
    expect(by.accuracy5?.positions).toEqual(by.reward?.positions);
    const bestNngp = Math.max(a.accuracy as number, b.accuracy as number, c.accuracy as number);
    const chosen = rows.find((r) => r.hash === report.hashes[by.nngp?.positions[0] as number]);
    expect(chosen?.accuracy).toBe(bestNngp);
    // The text form says the same.
    const text = await nngp(['fig7', '--nngp', out, '--measurements', measurements, '--k', '1']);
    expect(text.stderr).toMatch(/reward\s+76\.00\s+76\.00\s+0/);
  }, 180_000);

  it('refuses bad input with a message naming it', async () => {
    const out = join(dir, 'nngp.csv');
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'encoding,accuracy_5epoch,latency_ms\nmb9-k3,0.5,70\n');
    const run = await nngp(['fig7', '--nngp', out, '--measurements', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}:2: encoding:`);
    const engine = await nngp([
      'evaluate',
      ...data(),
      ...SETTING,
      '--count',
      '1',
      '--out',
      out,
      '--engine',
      'gpu',
    ]);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain("--engine must be one of tfjs, onnx, got 'gpu'");
  }, 180_000);
});
