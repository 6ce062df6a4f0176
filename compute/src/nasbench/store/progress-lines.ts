/** What a long step reports as it goes: a progress bar on a terminal, lines in a log. */
export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** Draws the progress of one step (`label`, `total` in `unit`), e.g. progressLines or a bar. */
export type ShowProgress = (label: string, total: number, unit: string) => Progress;

export interface ProgressLinesOptions {
  /** A line at least this often while updates arrive (ms); default 5 s. */
  intervalMs?: number;
  /** Sooner when another tenth is done, but not twice within this (ms); default 1 s. */
  minGapMs?: number;
  /** The clock (ms), for tests; default performance.now. */
  now?: () => number;
}

const TENTH = 0.1;

/**
 * Progress as lines for logs that are not terminals (pipes, CI, the `pnpm start` launcher):
 * `search space: 120,000 / 423,624 modules (28 %)`, written on an update once 5 s have passed
 * since the last line, or sooner once another 10 % is done. A step that ends within a second
 * writes nothing (its summary line says enough).
 *
 * @example
 * const progress = progressLines('search space', 423_624, 'modules', console.error);
 * progress.update(120_000); // after 5 s: "search space: 120,000 / 423,624 modules (28 %)"
 */
export function progressLines(
  label: string,
  total: number,
  unit: string,
  log: (line: string) => void,
  options: ProgressLinesOptions = {},
): Progress {
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 5_000;
  const minGapMs = options.minGapMs ?? 1_000;
  let lastAt = now();
  let lastFraction = 0;
  let stopped = false;
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) total = newTotal;
      if (stopped || total <= 0) return;
      const at = now();
      const fraction = Math.min(done / total, 1);
      const waited = at - lastAt;
      if (waited < intervalMs && (fraction - lastFraction < TENTH || waited < minGapMs)) return;
      lastAt = at;
      lastFraction = fraction;
      log(progressLine(label, done, total, unit));
    },
    stop() {
      stopped = true;
    },
  };
}

/**
 * One progress line; byte counts are shown in MB.
 *
 * @example progressLine('search space', 120_000, 423_624, 'modules') // 'search space: 120,000 / 423,624 modules (28 %)'
 */
export function progressLine(label: string, done: number, total: number, unit: string): string {
  const percent = Math.floor((Math.min(done / total, 1) || 0) * 100);
  const [shownDone, shownTotal, shownUnit] =
    unit === 'bytes'
      ? [(done / 1e6).toFixed(1), (total / 1e6).toFixed(1), 'MB']
      : [done.toLocaleString('en-US'), total.toLocaleString('en-US'), unit];
  return `${label}: ${shownDone} / ${shownTotal} ${shownUnit} (${percent} %)`;
}
