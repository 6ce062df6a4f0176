import { afterEach } from 'vitest';
import { type Holder, spawnHolder } from './holder.ts';
import { makeTempDataDir, removeTempDir } from './temp-dir.ts';

/** What a test file makes and wants gone after each test. */
export interface Scratch {
  /** A fresh data directory (makeTempDataDir unless `make` says otherwise), removed after the test. */
  tempDataDir(make?: () => string): string;
  /** A process holding `dataDir`'s database, SIGKILLed after the test if still running. */
  holder(dataDir: string): Holder;
  /** Takes a data directory made elsewhere into the cleanup. */
  keepDir(dataDir: string): string;
  /** Takes holders spawned elsewhere into the cleanup. */
  keepHolders(...holders: Holder[]): void;
}

/**
 * Data directories (with their staged clusters) and holder processes that tests make, cleaned
 * up after each test: holders first, so no server is left in a removed directory. Call it once at
 * the top level of a test file.
 *
 * @example
 * const { tempDataDir, holder } = scratchPerTest();
 * it('…', async () => { const { port } = await holder(tempDataDir()).next('open'); });
 */
export function scratchPerTest(): Scratch {
  const dirs: string[] = [];
  const holders: Holder[] = [];
  afterEach(async () => {
    for (const spawned of holders.splice(0)) {
      if (spawned.child.exitCode === null && spawned.child.signalCode === null) {
        spawned.child.kill('SIGKILL');
        await spawned.exited;
      }
    }
    for (const dir of dirs.splice(0)) removeTempDir(dir);
  });
  const keepDir = (dataDir: string) => {
    dirs.push(dataDir);
    return dataDir;
  };
  return {
    tempDataDir: (make = makeTempDataDir) => keepDir(make()),
    holder: (dataDir) => {
      const spawned = spawnHolder(dataDir);
      holders.push(spawned);
      return spawned;
    },
    keepDir,
    keepHolders: (...spawned) => {
      holders.push(...spawned);
    },
  };
}

/** One architectures row (the Inception-like cell's hash and matrix) for storage tests. */
export const SAMPLE_ARCHITECTURE = {
  hash: '28cfc7874f6d200472e1a9dcd8650aa0',
  matrix: '0111010000000100000010000100000000100000010000000',
  operations: ['input', 'conv1x1-bn-relu', 'output'],
  vertices: 7,
  edges: 9,
  trainableParameters: 2694282,
  flops: 1,
  residualConnections: 3,
};
