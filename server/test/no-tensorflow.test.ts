import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The module URLs a fresh Node process loads to import `specifier` (from server/), recorded by
 * module hooks, so transitive imports count exactly as they run.
 */
function modulesLoadedBy(specifier: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nngp-loads-'));
  try {
    const log = join(dir, 'loads.txt');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        './test/support/record-loads.mjs',
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `await import(${JSON.stringify(specifier)}); process.exit(0);`,
      ],
      { cwd: SERVER, env: { ...process.env, NNGP_RECORD_LOADS: log }, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// DESIGN.md §1: no tfjs in the server process. Importing the API's module graph must not load
// TensorFlow.js (its backends alone take seconds and hundreds of MB).
describe('the server module graph', () => {
  it('loads no @tensorflow package', () => {
    const loaded = modulesLoadedBy('./src/index.ts');
    expect(loaded.some((url) => url.includes('/compute/src/'))).toBe(true);
    expect(loaded.filter((url) => url.includes('@tensorflow'))).toEqual([]);
    expect(loaded.filter((url) => url.includes('onnxruntime'))).toEqual([]);
    expect(loaded.some((url) => url.endsWith('/create-experiment.ts'))).toBe(true);
  });

  it('reads the evaluation defaults through a subpath that loads no @tensorflow package', () => {
    const loaded = modulesLoadedBy('@nngp-nas/compute/nngp/settings');
    expect(loaded.some((url) => url.endsWith('/evaluation-defaults.ts'))).toBe(true);
    expect(loaded.filter((url) => url.includes('@tensorflow'))).toEqual([]);
  });
});
