import { setTimeout as sleep } from 'node:timers/promises';
import { webBuildIsFresh } from './build-freshness.ts';
import { withProcessLock } from './build-lock.ts';
import { nextBin, webDir } from './paths.ts';
import { spawnGroup } from './process-group.ts';

export interface BuildWebOptions {
  /** Receives next build's output line by line; default: kept only for the error message. */
  log?: (line: string) => void;
  /** Aborting stops the build (its whole process group). */
  signal?: AbortSignal;
}

/**
 * Makes sure web/.next holds a production build of the current sources: runs `next build`
 * unless the existing build is newer than every source (see webBuildIsFresh), one build at a
 * time across processes (waiting for a build someone started by hand). Resolves with whether
 * it built.
 *
 * @example const built = await ensureWebBuild({ log: (l) => process.stderr.write(`${l}\n`) });
 */
export function ensureWebBuild(options: BuildWebOptions = {}): Promise<'built' | 'fresh'> {
  return withProcessLock(webDir, async () => {
    for (;;) {
      if (await webBuildIsFresh()) return 'fresh';
      options.signal?.throwIfAborted();
      const { status, output } = await nextBuild(options);
      options.signal?.throwIfAborted();
      if (status === 0) return 'built';
      // A build started by hand (pnpm --filter @nngp-nas/web build) holds next's own lock on
      // web/.next: wait for it, then look again (it may have produced what we need).
      if (!BUILD_LOCKED.test(output)) {
        throw new Error(`next build in web/ failed with status ${status}:\n${output}`);
      }
      options.log?.('another next build is running in web/; waiting for it');
      await sleep(5_000);
    }
  });
}

/** What next build says when another next build holds web/.next. */
const BUILD_LOCKED = /Another .*next build.* process is already running/;

async function nextBuild(options: BuildWebOptions): Promise<{ status: number; output: string }> {
  const build = spawnGroup(process.execPath, [nextBin, 'build'], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    onLine: options.log,
  });
  const abort = () => build.signal('SIGTERM');
  options.signal?.addEventListener('abort', abort);
  try {
    return { status: await build.exited, output: build.output() };
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
