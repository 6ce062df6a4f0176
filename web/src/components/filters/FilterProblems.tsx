import type { FilterProblem } from '../../lib/filters/index.ts';

/**
 * The URL filter parameters that could not be read (they are ignored), each naming itself.
 *
 * @example <FilterProblems problems={[{ param: 'residual', value: 'x', message: '…' }]} />
 */
export function FilterProblems(props: { problems: FilterProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <div className="state state-error" role="alert" data-testid="filter-problems">
      <p>Check the filter (unreadable parameters are ignored):</p>
      <ul>
        {props.problems.map((problem) => (
          <li key={problem.param}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
