'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { type CSSProperties, useCallback, useEffect, useRef, useState } from 'react';
import type { ArchitecturesQueryVariables } from '../../generated/graphql.ts';
import { ARCHITECTURES } from '../../lib/api/documents.ts';
import type { ArchitecturePage, ArchitectureRow, SearchSpace } from '../../lib/api/types.ts';
import {
  formatAccuracy,
  formatCount,
  formatNumber,
  formatReward,
} from '../../lib/charts/format.ts';
import type { ArchitectureFilterInput } from '../../lib/filters/index.ts';
import { compactMnasEncoding } from '../../lib/mnas-encoding.ts';
import type { TableOrder } from '../../lib/table-order.ts';
import { ArchitectureTableHeader } from './ArchitectureTableHeader.tsx';
import { type PredictorColumn, predictorValue } from './predictor-columns.ts';

const ROW_HEIGHT = 32;
const PAGE_SIZE = 200;

/**
 * The filtered architectures as a virtualised table: only visible rows are in the DOM, and
 * further pages are fetched through /api/graphql with the cursor of the last row as the user
 * scrolls near the end. MNAS networks have no cell: their rows show the encoding (compact, the
 * full text on hover) in its own column.
 *
 * @example <ArchitectureTable firstPage={page} filter={input} order={order} predictors={columns} experiment="1" space="NASBENCH_101" headerLinks={links} />
 */
export function ArchitectureTable(props: {
  firstPage: ArchitecturePage;
  filter: ArchitectureFilterInput;
  order: TableOrder;
  /** The predictor columns; NNGP ones read `experiment`'s results. */
  predictors: PredictorColumn[];
  experiment: string | null;
  space: SearchSpace;
  headerLinks: Record<string, string>;
}) {
  const mnas = props.space === 'MNAS';
  const [rows, setRows] = useState<ArchitectureRow[]>(() =>
    props.firstPage.edges.map((e) => e.node),
  );
  const [cursor, setCursor] = useState(props.firstPage.pageInfo.endCursor);
  const [hasMore, setHasMore] = useState(props.firstPage.pageInfo.hasNextPage);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const loadMore = useCallback(async () => {
    if (loading || !hasMore) return;
    setLoading(true);
    try {
      const variables: ArchitecturesQueryVariables = {
        filter: props.filter,
        orderBy: props.order.orderBy,
        first: PAGE_SIZE,
        after: cursor,
        experiment: props.experiment,
        withNngp: props.experiment !== null,
      };
      const response = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ARCHITECTURES.toString(), variables }),
      });
      const body = (await response.json()) as {
        data?: { architectures: ArchitecturePage } | null;
        errors?: { message: string }[];
      };
      if (body.errors?.length || !body.data) {
        throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
      }
      const page = body.data.architectures;
      setRows((previous) => [...previous, ...page.edges.map((e) => e.node)]);
      setCursor(page.pageInfo.endCursor);
      setHasMore(page.pageInfo.hasNextPage);
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setLoading(false);
    }
  }, [loading, hasMore, cursor, props.filter, props.order, props.experiment]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && error === null) void loadMore();
  }, [lastIndex, rows.length, loadMore, error]);

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table
        className={mnas ? 'architecture-table table-mnas' : 'architecture-table'}
        data-testid="architectures-table"
        style={{ '--predictor-columns': props.predictors.length } as CSSProperties}
      >
        <ArchitectureTableHeader
          order={props.order}
          predictors={props.predictors}
          links={props.headerLinks}
          encoding={mnas}
        />
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr
                key={row.hash}
                className="table-row table-grid"
                data-hash={row.hash}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <td>
                  <Link href={`/architectures/${row.hash}`} prefetch={false}>
                    <code>{row.hash}</code>
                  </Link>
                </td>
                {mnas ? (
                  <td data-column="encoding" title={row.encoding ?? undefined}>
                    <code>{row.encoding === null ? '—' : compactMnasEncoding(row.encoding)}</code>
                  </td>
                ) : null}
                <td className="num">{formatCount(row.trainableParameters)}</td>
                <td className="num">{formatNumber(row.flops)}</td>
                <td className="num">{row.residualConnections}</td>
                <td>
                  {row.sizeCluster ? `${row.sizeCluster.id} (${row.sizeCluster.label})` : '—'}
                </td>
                {props.predictors.map((column) => (
                  <td key={column.key} className="num" data-column={column.key}>
                    {formatCell(predictorValue(row, column), column, props.space)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error ? (
        <p className="state state-error" data-error role="alert">
          Could not load more rows: {error}{' '}
          <button type="button" onClick={() => setError(null)}>
            Retry
          </button>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="state state-empty" data-empty>
          No architecture matches this filter: widen it.
        </p>
      ) : null}
    </div>
  );
}

/** A predictor value as its column reads: proxy scores and MNAS rewards as numbers, else accuracies. */
function formatCell(value: number | null, column: PredictorColumn, space: SearchSpace): string {
  if (column.kind === 'proxy') return formatScore(value);
  if (column.kind === 'truth' && space === 'MNAS') return formatReward(value);
  return formatAccuracy(value);
}

/** A proxy score to 4 significant digits, or a dash. */
function formatScore(value: number | null): string {
  return value === null ? '—' : value.toPrecision(4);
}
