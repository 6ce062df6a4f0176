/**
 * Placeholder shown while a chart's data loads (its Suspense fallback).
 *
 * @example <Suspense fallback={<ChartSkeleton id="pqetp" title="PQETP vs threshold" />}>…</Suspense>
 */
export function ChartSkeleton(props: { id: string; title: string; height?: number }) {
  return (
    <figure className="chart" data-chart={props.id} aria-busy="true">
      <figcaption>
        <span className="chart-title">{props.title}</span>
      </figcaption>
      <div className="skeleton" data-skeleton style={{ height: props.height ?? 320 }} />
    </figure>
  );
}
