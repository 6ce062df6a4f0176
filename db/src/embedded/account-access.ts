import { spawnSync } from 'node:child_process';
import type { ServerAccount } from './server-account.ts';

// Asked of the account itself, by running a program as it, rather than worked out from mode
// bits: ACLs, supplementary groups, mount options and LSMs all have a say, and the kernel is
// the only one that knows them all. spawn with a uid drops our supplementary groups exactly
// as it does for the server's own programs, so the answer is the one they would get.

/**
 * Whether the server account can enter `dir` (search permission on it and on every parent).
 * Always true when we run the server as ourselves.
 *
 * @example
 * if (!accountCanEnter(serverAccount(), '/root/project/.data')) stageTheCluster();
 */
export function accountCanEnter(account: ServerAccount, dir: string): boolean {
  if (!('uid' in account)) return true;
  const result = spawnSync('/bin/sh', ['-c', 'test -d "$1" && test -x "$1"', 'sh', dir], {
    ...account,
    cwd: '/',
    stdio: 'ignore',
  });
  return result.status === 0;
}

/**
 * Whether the server account can run `program --version` (the file, its directory's parents
 * and the shared libraries it loads all reachable). Always true when we run it as ourselves.
 *
 * @example
 * if (!accountCanRun(serverAccount(), binaries.postgres)) stageTheBinaries();
 */
export function accountCanRun(account: ServerAccount, program: string): boolean {
  if (!('uid' in account)) return true;
  const result = spawnSync(program, ['--version'], { ...account, cwd: '/', stdio: 'ignore' });
  return result.status === 0;
}
