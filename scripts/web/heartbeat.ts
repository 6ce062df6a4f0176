/** A "still working" line for steps that may stay quiet for long. */
export interface Heartbeat {
  /** The step said something itself: the next beat waits a full interval again. */
  touch(): void;
  stop(): void;
}

/**
 * Calls `beat` with the seconds since the start whenever `everyMs` pass without a touch(), so a
 * log shows that a long, quiet step (next build compiles for a minute without a word) still runs.
 *
 * @example
 * const alive = heartbeat(5_000, (s) => log(`dashboard: building web/ (${s} s so far)`));
 * await build({ onLine: (line) => { alive.touch(); log(line); } });
 * alive.stop();
 */
export function heartbeat(everyMs: number, beat: (seconds: number) => void): Heartbeat {
  const started = performance.now();
  let last = started;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    beat(Math.round((now - started) / 1000));
  }, everyMs / 5);
  timer.unref();
  return {
    touch() {
      last = performance.now();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
