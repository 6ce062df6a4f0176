/** What one analysis may spend: its deadline (on `performance.now()`'s clock) and what to call it in errors. */
export interface AnalysisBudget {
  /** The GraphQL field, e.g. 'metrics'. */
  field: string;
  timeoutMs: number;
  /** When the analysis must have finished. */
  deadline: number;
}

/**
 * A budget of `timeoutMs` from now.
 *
 * @example const budget = budgetFrom('scatter', 15_000);
 */
export function budgetFrom(field: string, timeoutMs: number): AnalysisBudget {
  return { field, timeoutMs, deadline: performance.now() + timeoutMs };
}

/**
 * Milliseconds left before the deadline (0 once passed).
 *
 * @example if (remainingMs(budget) === 0) throw analysisTimeout(budget.field, budget.timeoutMs);
 */
export function remainingMs(budget: AnalysisBudget): number {
  return Math.max(0, Math.ceil(budget.deadline - performance.now()));
}
