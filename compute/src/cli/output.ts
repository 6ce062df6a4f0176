import cliProgress from 'cli-progress';
import { type Progress, progressLines } from '../nasbench/store/progress-lines.ts';

export type { Progress } from '../nasbench/store/progress-lines.ts';

/** Machine-readable results go to stdout; everything else goes to stderr. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * A progress bar with rate and ETA on a terminal's stderr; when stderr is not a terminal (pipes,
 * CI, a launcher), a line every 5 s or 10 % instead (progressLines), so logs stay readable and a
 * long step still shows that it moves.
 *
 * @example const bar = progressBar('enumerating', 423624, 'modules'); bar.update(1000); bar.stop();
 */
export function progressBar(label: string, total: number, unit: string): Progress {
  if (!process.stderr.isTTY) return progressLines(label, total, unit, log);
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0, { rate: 0 });
  return {
    update(value, newTotal) {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      const seconds = (performance.now() - started) / 1000;
      bar.update(value, { rate: seconds > 0 ? Math.round(value / seconds) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
