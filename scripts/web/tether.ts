/**
 * `node --import tsx scripts/web/tether.ts COMMAND [ARGS…]`: runs COMMAND as our child, in our
 * process group, and ties the group's life to our parent's. Our stdin is a pipe from the parent
 * that it never writes to: the kernel closes it however the parent ends (SIGKILL included), so
 * its end means "the parent is gone": COMMAND then gets SIGTERM (its normal shutdown path) and
 * the whole group SIGKILL after TETHER_GRACE_MS. SIGINT, SIGTERM and SIGHUP sent to us are
 * passed on to COMMAND once; we exit with its status (its code, or 128 + the signal's number)
 * after sending SIGTERM to whatever it left behind in the group. spawnGroup starts every child of
 * `pnpm start` this way (the API, next build, next start).
 *
 * @example node --import tsx scripts/web/tether.ts node web/node_modules/next/dist/bin/next start
 */

import { spawn } from 'node:child_process';
import os from 'node:os';

/** How long COMMAND may take to shut down cleanly once the parent is gone. */
const TETHER_GRACE_MS = 3_500;
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write('usage: tether.ts COMMAND [ARGS…]\n');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let orphaned = false;

for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));

child.on('error', (error) => {
  process.stderr.write(`tether: cannot run ${command}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  // Our parent is gone: nobody reads our status, and nothing of the group may stay.
  if (orphaned) signalGroup('SIGKILL');
  // What COMMAND started and left in the group (we ignore the SIGTERM ourselves: see above).
  signalGroup('SIGTERM');
  process.exit(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
});

const parentGone = () => {
  if (orphaned) return;
  orphaned = true;
  child.kill('SIGTERM');
  setTimeout(() => signalGroup('SIGKILL'), TETHER_GRACE_MS);
};
process.stdin.on('end', parentGone);
process.stdin.on('close', parentGone);
process.stdin.on('error', parentGone);
process.stdin.resume();

function signalGroup(signal: NodeJS.Signals): void {
  try {
    process.kill(-process.pid, signal);
  } catch {
    // No such group: we are not its leader (run by hand), or it is already gone.
  }
}
