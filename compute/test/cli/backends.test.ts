import { describe, expect, it } from 'vitest';
import { runNngp } from '../support/cli.ts';

const nngp = (args: string[]) => runNngp(args, { env: process.env });
const EVALUATE = [
  'evaluate',
  '--archs',
  'sample:1',
  '--train',
  '2',
  '--val',
  '2',
  '--ensemble',
  '1',
];

describe('nngp backends and --engine', () => {
  it('backends --json lists every engine’s backends, what loads here and why not', async () => {
    const run = await nngp(['backends', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.defaultEngine).toBe('onnx');
    expect(report.fallback.tfjs).toMatch(/tensorflow.*wasm.*cpu/);
    const status = (engine: string, backend: string) =>
      report.backends.find(
        (b: { engine: string; backend: string }) => b.engine === engine && b.backend === backend,
      );
    expect(
      report.backends.map((b: { engine: string; backend: string }) => `${b.engine}:${b.backend}`),
    ).toEqual([
      'tfjs:tensorflow',
      'tfjs:wasm',
      'tfjs:cpu',
      'tfjs:webgpu',
      'onnx:cpu',
      'onnx:webgpu',
      'onnx:cuda',
    ]);
    expect(status('onnx', 'cpu').loads).toBe(true);
    expect(status('tfjs', 'wasm').loads).toBe(true);
    // No CUDA provider in the npm package: the reason names the install switch.
    expect(status('onnx', 'cuda')).toMatchObject({
      loads: false,
      reason: expect.stringContaining('cuda12'),
    });
  }, 60_000);

  it('evaluate refuses an unknown engine, and a backend of the other engine', async () => {
    const engine = await nngp([...EVALUATE, '--engine', 'torch']);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain('--engine must be one of tfjs, onnx');
    const backend = await nngp([...EVALUATE, '--engine', 'onnx', '--backend', 'wasm']);
    expect(backend.code).toBe(2);
    expect(backend.stderr).toContain('--backend for engine onnx must be one of cpu, webgpu, cuda');
  }, 60_000);
});
