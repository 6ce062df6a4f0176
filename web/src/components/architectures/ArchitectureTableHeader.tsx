import Link from 'next/link';
import type { ArchitectureOrderField } from '../../lib/api/types.ts';
import type { TableOrder } from '../../lib/table-order.ts';

const COLUMNS: { label: string; field: ArchitectureOrderField | null; numeric?: boolean }[] = [
  { label: 'Hash', field: 'HASH' },
  { label: 'Parameters', field: 'TRAINABLE_PARAMETERS', numeric: true },
  { label: 'FLOPs', field: 'FLOPS', numeric: true },
  { label: 'Residual', field: 'RESIDUAL_CONNECTIONS', numeric: true },
  { label: 'Size cluster', field: null },
  { label: 'Ground truth', field: null, numeric: true },
];

/**
 * The table's header: sortable columns are links (`data-sort`) to the same page with the new
 * order in the URL; the current one shows its direction.
 *
 * @example <ArchitectureTableHeader order={order} links={{ FLOPS: '/architectures?sort=FLOPS&direction=DESC' }} />
 */
export function ArchitectureTableHeader(props: {
  order: TableOrder;
  links: Record<string, string>;
}) {
  return (
    <thead className="table-head">
      <tr className="table-grid">
        {COLUMNS.map((column) => {
          const href = column.field ? props.links[column.field] : undefined;
          const current = column.field !== null && props.order.field === column.field;
          const arrow = current ? (props.order.direction === 'ASC' ? ' ▲' : ' ▼') : '';
          return (
            <th
              key={column.label}
              scope="col"
              className={column.numeric ? 'num' : undefined}
              aria-sort={
                current ? (props.order.direction === 'ASC' ? 'ascending' : 'descending') : undefined
              }
            >
              {column.field && href ? (
                <Link href={href} data-sort={column.field} scroll={false} prefetch={false}>
                  {column.label}
                  {arrow}
                </Link>
              ) : (
                column.label
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
