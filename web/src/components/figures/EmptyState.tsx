import type { ReactNode } from 'react';

/**
 * Shown instead of a chart's marks when there is nothing to plot; says what to do.
 *
 * @example <EmptyState>No NNGP results yet: run `pnpm nngp evaluate …`</EmptyState>
 */
export function EmptyState(props: { children: ReactNode }) {
  return (
    <p className="state state-empty" data-empty>
      {props.children}
    </p>
  );
}
