import { loadArchitecturePage, loadExperiments } from '../../lib/api/index.ts';
import { formatCount } from '../../lib/charts/format.ts';
import {
  type DashboardFilter,
  experimentInForce,
  filterHref,
  serializeFilter,
  toArchitectureFilter,
} from '../../lib/filters/index.ts';
import { settle } from '../../lib/settle.ts';
import { nextOrder, ORDER_FIELDS, type TableOrder } from '../../lib/table-order.ts';
import { ErrorState } from '../figures/ErrorState.tsx';
import { ArchitectureTable } from './ArchitectureTable.tsx';
import { predictorColumns } from './predictor-columns.ts';

const FIRST_PAGE = 100;
/** The proxy the table shows (the one `pnpm start` imports). */
const TABLE_PROXY = 'zen_score';

/**
 * The architectures table with its total, sort links and CSV download of the same filter; its
 * predictor columns show the experiment in force (the filter's, else the newest with results).
 *
 * @example <ArchitecturesTableSection filter={filter} order={order} />
 */
export async function ArchitecturesTableSection(props: {
  filter: DashboardFilter;
  order: TableOrder;
}) {
  const experiments = await settle(loadExperiments(props.filter.space));
  const list = experiments.ok ? experiments.value : [];
  const inForce = experimentInForce(props.filter, list, true);
  const experiment = list.find((e) => e.id === inForce?.id) ?? null;
  const predictors = predictorColumns(experiment, TABLE_PROXY, props.filter.space);
  const page = await settle(
    loadArchitecturePage(props.filter, props.order.orderBy, FIRST_PAGE, experiment?.id ?? null),
  );
  const headerLinks = Object.fromEntries(
    [...ORDER_FIELDS, ...predictors.map((p) => p.key)].map((field) => {
      const order = nextOrder(props.order, field);
      return [
        field,
        filterHref('/architectures', props.filter, {
          sort: order.key,
          direction: order.direction,
        }),
      ];
    }),
  );
  // The export reads the dashboard's URL parameters as shorthands (space included).
  const exportQuery = serializeFilter(props.filter);
  exportQuery.set('orderBy', JSON.stringify(props.order.orderBy));
  return (
    <section className="table-wrap" aria-label="Architectures">
      <div className="table-toolbar">
        <span>
          <strong data-testid="architectures-total">
            {page.ok ? formatCount(page.value.totalCount) : '—'}
          </strong>{' '}
          architectures
        </span>
        <a data-testid="csv-download" href={`/api/export?${exportQuery.toString()}`} download>
          Download CSV
        </a>
      </div>
      {page.ok ? (
        <ArchitectureTable
          // A new order or filter starts a new list (its own cursors).
          key={`${exportQuery.toString()}`}
          firstPage={page.value}
          filter={toArchitectureFilter(props.filter)}
          order={props.order}
          predictors={predictors}
          experiment={experiment?.id ?? null}
          space={props.filter.space}
          headerLinks={headerLinks}
        />
      ) : (
        <ErrorState message={page.error} hint="is the API running?" />
      )}
    </section>
  );
}
