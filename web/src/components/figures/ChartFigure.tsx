import type { ReactNode } from 'react';

/**
 * The frame of every chart: `<figure data-chart=ID>` with its title as the caption, the chart
 * (or its empty/error state), and notes such as "sampled N of M"; `testId` adds a
 * `data-testid` for panels the browser tests look up by name.
 *
 * @example <ChartFigure id="pqetp" title="PQETP vs threshold"><PqetpChart … /></ChartFigure>
 */
export function ChartFigure(props: {
  id: string;
  title: string;
  description?: ReactNode;
  notes?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <figure className="chart" data-chart={props.id} data-testid={props.testId}>
      <figcaption>
        <span className="chart-title">{props.title}</span>
        {props.description ? <span className="chart-description">{props.description}</span> : null}
      </figcaption>
      {props.children}
      {props.notes ? <p className="chart-notes">{props.notes}</p> : null}
    </figure>
  );
}
