import { Logger } from 'graphile-worker';

/**
 * graphile-worker's logger writing through `log` (stderr in the server and worker), scoped
 * messages prefixed with their task; debug chatter is dropped.
 *
 * @example run({ …, logger: graphileLogger((line) => process.stderr.write(`${line}\n`)) })
 */
export function graphileLogger(log: (line: string) => void): Logger {
  return new Logger((scope) => (level, message) => {
    if (level === 'debug') return;
    const where = scope.taskIdentifier === undefined ? 'worker' : `worker ${scope.taskIdentifier}`;
    log(`${where}: ${level === 'info' ? '' : `${level}: `}${message}`);
  });
}
