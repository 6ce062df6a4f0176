import { parseWorkerOptions, WorkerOptionsError } from '@nngp-nas/server/testing';
import { describe, expect, it } from 'vitest';
import { spawnWorker } from './support/worker-process.ts';

describe('pnpm worker options', () => {
  it('default to one job at a time; the argument beats NNGP_WORKER_CONCURRENCY', () => {
    expect(parseWorkerOptions([], {})).toEqual({ once: false, concurrency: 1 });
    expect(parseWorkerOptions([], { NNGP_WORKER_CONCURRENCY: '3' })).toEqual({
      once: false,
      concurrency: 3,
    });
    expect(parseWorkerOptions(['--concurrency', '4'], { NNGP_WORKER_CONCURRENCY: '3' })).toEqual({
      once: false,
      concurrency: 4,
    });
    expect(parseWorkerOptions(['--concurrency=2'], {})).toEqual({ once: false, concurrency: 2 });
    // --once runs due jobs one at a time, whatever the machine's default says.
    expect(parseWorkerOptions(['--once'], { NNGP_WORKER_CONCURRENCY: '8' })).toEqual({
      once: true,
      concurrency: 1,
    });
  });

  it.each([
    [['--concurrency', '0'], {}, /--concurrency must be a whole number .* from 1 to 64; got '0'/],
    [['--concurrency', '2.5'], {}, /--concurrency must be a whole number/],
    [['--concurrency'], {}, /--concurrency needs a value/],
    [['--concurrency=65'], {}, /got '65'/],
    [
      [],
      { NNGP_WORKER_CONCURRENCY: 'many' },
      /NNGP_WORKER_CONCURRENCY must be a whole number .*got 'many'/,
    ],
    [['--once', '--concurrency', '2'], {}, /--once runs the due jobs one at a time/],
    [['--concurency', '2'], {}, /unknown argument '--concurency'/],
  ])('refuse %j %j, naming the problem', (args, env, message) => {
    expect(() => parseWorkerOptions(args, env)).toThrow(WorkerOptionsError);
    expect(() => parseWorkerOptions(args, env)).toThrow(message);
  });

  it('a bad argument makes `pnpm worker` exit 2 before it touches the database', async () => {
    // No server listens on port 9: reaching for the database would fail differently.
    const worker = spawnWorker('postgres://postgres@127.0.0.1:9/none', ['--concurrency', 'x']);
    expect(await worker.exited).toEqual({ code: 2, signal: null });
    expect(worker.stderr).toContain('pnpm worker: --concurrency must be a whole number');
  }, 60_000);
});
