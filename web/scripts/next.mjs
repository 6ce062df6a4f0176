/**
 * Runs the `next` CLI with telemetry off (these machines are offline) and, for `start` and
 * `dev`, the port from PORT_WEB (default 3000), without relying on a POSIX shell for defaults.
 *
 * @example node scripts/next.mjs start   # PORT_WEB=3100 to move it
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const [command = 'build', ...rest] = process.argv.slice(2);
const args = [command, ...rest];
if (command === 'start' || command === 'dev') {
  const raw = process.env.PORT_WEB?.trim() || '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `invalid environment: PORT_WEB must be a port number, got ${JSON.stringify(raw)}\n`,
    );
    process.exit(2);
  }
  args.push('-p', String(port));
}
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const child = spawn(process.execPath, [nextBin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
// Forward Ctrl-C / termination so the next server stops with its parent.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
