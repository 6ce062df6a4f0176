import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

// `pnpm test` covers what `.ci/run` checks first: the committed generated files (resolver types,
// the dashboard's API types, the wasm kernels) equal what their sources generate now.
describe('pnpm check:generated', () => {
  it('finds every generated file up to date', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-generated.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr, run.stdout + run.stderr).not.toContain('stale:');
    expect(run.status, run.stderr).toBe(0);
  });
});
