'use client';

import { Symbols } from 'recharts';
import type { CostLine } from './DiscoveredVsCostChart.tsx';
import { markerDot } from './markers.ts';

const ICON = 16;

/**
 * The legend of the discovered-vs-cost chart, drawn from its lines rather than recharts'
 * payload so each entry shows its marker as plotted: hollow markers hollow, filled ones filled,
 * lines as a line with a dot.
 *
 * @example <Legend content={<CostLegend lines={lines} />} />
 */
export function CostLegend(props: { lines: CostLine[] }) {
  return (
    <ul className="cost-legend">
      {props.lines.map((line) => {
        const dot = line.marker ? markerDot({ ...line.marker, colour: line.colour, r: 5 }) : null;
        return (
          <li key={line.name} style={{ color: line.colour }}>
            <svg width={ICON} height={ICON} viewBox={`0 0 ${ICON} ${ICON}`} aria-hidden="true">
              {dot && line.marker ? (
                <Symbols
                  cx={ICON / 2}
                  cy={ICON / 2}
                  type={line.marker.shape}
                  size={2 * dot.r}
                  sizeType="diameter"
                  fill={dot.fill}
                  stroke={dot.stroke}
                  strokeWidth={line.marker.hollow ? 2 : 1}
                />
              ) : (
                <>
                  <line
                    x1={0}
                    x2={ICON}
                    y1={ICON / 2}
                    y2={ICON / 2}
                    stroke={line.colour}
                    strokeWidth={2}
                  />
                  <circle cx={ICON / 2} cy={ICON / 2} r={3} fill={line.colour} />
                </>
              )}
            </svg>
            {line.name}
          </li>
        );
      })}
    </ul>
  );
}
