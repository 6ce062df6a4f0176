import type { DashboardFilter } from '../../lib/filters/index.ts';
import { EmptyState } from './EmptyState.tsx';

/**
 * The empty state of NNGP figures: how to get results for the current view.
 *
 * @example <NoNngpResults filter={filter} />
 */
export function NoNngpResults(props: { filter: DashboardFilter }) {
  if (props.filter.space === 'MNAS') {
    return (
      <EmptyState>
        No NNGP results for these MNAS networks
        {props.filter.experiment === null ? ' yet' : ` in experiment ${props.filter.experiment}`}:
        run <code>pnpm nngp mnas evaluate --experiment NAME …</code>, then reload.
      </EmptyState>
    );
  }
  return (
    <EmptyState>
      No NNGP results for these architectures
      {props.filter.experiment === null ? ' yet' : ` in experiment ${props.filter.experiment}`}: run{' '}
      <code>pnpm nngp evaluate --archs sample:100 --train 100 --val 200 --ensemble 2</code> or
      enqueue architectures on an experiment page, then reload.
    </EmptyState>
  );
}
