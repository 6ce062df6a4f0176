import Link from 'next/link';
import type { TableOrder } from '../../lib/table-order.ts';
import type { PredictorColumn } from './predictor-columns.ts';

/** A header cell: `field` is the column's sort key (null: not sortable). */
const STRUCTURAL: { label: string; field: string | null; numeric?: boolean }[] = [
  { label: 'Hash', field: 'HASH' },
  { label: 'Parameters', field: 'TRAINABLE_PARAMETERS', numeric: true },
  { label: 'FLOPs', field: 'FLOPS', numeric: true },
  { label: 'Residual', field: 'RESIDUAL_CONNECTIONS', numeric: true },
  { label: 'Size cluster', field: null },
];

/**
 * The table's header: sortable columns (the structural ones and every predictor's) are links
 * (`data-sort`, the column's sort key) to the same page with the new order in the URL; the
 * current one shows its direction. With `encoding` (MNAS), an encoding column follows the hash.
 *
 * @example <ArchitectureTableHeader order={order} predictors={columns} links={{ FLOPS: '/architectures?sort=FLOPS&direction=DESC' }} encoding={false} />
 */
export function ArchitectureTableHeader(props: {
  order: TableOrder;
  predictors: PredictorColumn[];
  links: Record<string, string>;
  encoding: boolean;
}) {
  const [hash, ...rest] = STRUCTURAL;
  const columns = [
    ...(hash ? [hash] : []),
    ...(props.encoding ? [{ label: 'Encoding', field: null }] : []),
    ...rest,
    ...props.predictors.map((p) => ({ label: p.label, field: p.key, numeric: true })),
  ];
  return (
    <thead className="table-head">
      <tr className="table-grid">
        {columns.map((column) => {
          const href = column.field ? props.links[column.field] : undefined;
          const current = column.field !== null && props.order.key === column.field;
          const arrow = current ? (props.order.direction === 'ASC' ? ' ▲' : ' ▼') : '';
          return (
            <th
              key={column.field ?? column.label}
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
