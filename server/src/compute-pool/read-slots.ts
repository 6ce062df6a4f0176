import { type AnalysisBudget, remainingMs } from './budget.ts';
import { analysisTimeout } from './errors.ts';

/**
 * A counting semaphore whose waiters give up at their analysis' deadline: bounds how many
 * analyses read at once, so the pool keeps connections for everything else.
 *
 * @example const release = await slots.acquire(budget); try { … } finally { release(); }
 */
export class ReadSlots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  /** Resolves with a release function once a slot is free; ANALYSIS_TIMEOUT at the deadline. */
  acquire(budget: AnalysisBudget): Promise<() => void> {
    const release = () => {
      const next = this.#waiting.shift();
      if (next === undefined) this.#free++;
      else next();
    };
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(once(release));
      };
      const timer = setTimeout(() => {
        const at = this.#waiting.indexOf(wake);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(analysisTimeout(budget.field, budget.timeoutMs));
      }, remainingMs(budget));
      this.#waiting.push(wake);
    });
  }
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    f();
  };
}
