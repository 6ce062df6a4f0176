import { loadArchitecturePage } from '../../lib/api/index.ts';
import { formatCount } from '../../lib/charts/format.ts';
import {
  type DashboardFilter,
  filterHref,
  serializeFilter,
  toArchitectureFilter,
} from '../../lib/filters/index.ts';
import { settle } from '../../lib/settle.ts';
import { nextOrder, ORDER_FIELDS, type TableOrder } from '../../lib/table-order.ts';
import { ErrorState } from '../figures/ErrorState.tsx';
import { ArchitectureTable } from './ArchitectureTable.tsx';

const FIRST_PAGE = 100;

/**
 * The architectures table with its total, sort links and CSV download of the same filter.
 *
 * @example <ArchitecturesTableSection filter={filter} order={order} />
 */
export async function ArchitecturesTableSection(props: {
  filter: DashboardFilter;
  order: TableOrder;
}) {
  const page = await settle(loadArchitecturePage(props.filter, props.order, FIRST_PAGE));
  const headerLinks = Object.fromEntries(
    ORDER_FIELDS.map((field) => {
      const order = nextOrder(props.order, field);
      return [
        field,
        filterHref('/architectures', props.filter, {
          sort: order.field,
          direction: order.direction,
        }),
      ];
    }),
  );
  // The API's export takes the filter shorthands and the order as ArchitectureOrder JSON.
  const exportQuery = serializeFilter(props.filter);
  exportQuery.set('orderBy', JSON.stringify(props.order));
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
          headerLinks={headerLinks}
        />
      ) : (
        <ErrorState message={page.error} hint="is the API running?" />
      )}
    </section>
  );
}
