import { DEFAULT_SPACING, layoutCell } from '../../lib/charts/cell-layout.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';

const OPERATION_COLOURS: Record<string, string> = {
  input: OKABE_ITO.black,
  // Vermillion rather than black, so the output reads apart from the input at a glance.
  output: OKABE_ITO.vermillion,
  'conv3x3-bn-relu': OKABE_ITO.blue,
  'conv1x1-bn-relu': OKABE_ITO.skyBlue,
  maxpool3x3: OKABE_ITO.orange,
};
const SHORT_NAMES: Record<string, string> = {
  input: 'in',
  output: 'out',
  'conv3x3-bn-relu': '3×3',
  'conv1x1-bn-relu': '1×1',
  maxpool3x3: 'pool',
};
const RADIUS = DEFAULT_SPACING.radius;

/**
 * The cell as a directed graph: vertices coloured by operation (`data-vertex`, `data-op`),
 * arrows for the edges (each its own path, skip edges bent clear of the vertices they pass), input
 * on the left and output on the right, and a legend.
 *
 * @example <CellGraph matrix={architecture.matrix} operations={architecture.operations} />
 */
export function CellGraph(props: { matrix: number[][]; operations: string[] }) {
  const layout = layoutCell(props.matrix, props.operations);
  const used = [...new Set(props.operations)];
  return (
    <>
      <svg
        className="cell-graph"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`Cell with ${props.operations.length} vertices and ${layout.edges.length} edges`}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#5b6770" />
          </marker>
        </defs>
        {layout.edges.map((edge) => (
          <path
            key={`${edge.from}-${edge.to}`}
            data-edge={`${edge.from}-${edge.to}`}
            d={edge.path}
            fill="none"
            stroke="#5b6770"
            strokeWidth={1.5}
            markerEnd="url(#arrow)"
          />
        ))}
        {layout.vertices.map((vertex) => (
          <g key={vertex.index} data-vertex={vertex.index} data-op={vertex.operation}>
            <title>{`vertex ${vertex.index}: ${vertex.operation}`}</title>
            <circle
              cx={vertex.x}
              cy={vertex.y}
              r={RADIUS}
              fill={OPERATION_COLOURS[vertex.operation] ?? OKABE_ITO.reddishPurple}
            />
            <text
              x={vertex.x}
              y={vertex.y + 4}
              textAnchor="middle"
              fontSize={11}
              fill={
                vertex.operation === 'conv1x1-bn-relu' || vertex.operation === 'maxpool3x3'
                  ? '#000'
                  : '#fff'
              }
            >
              {SHORT_NAMES[vertex.operation] ?? vertex.operation}
            </text>
          </g>
        ))}
      </svg>
      <div className="legend">
        {used.map((operation) => (
          <span key={operation}>
            <span
              className="legend-swatch"
              style={{ background: OPERATION_COLOURS[operation] ?? OKABE_ITO.reddishPurple }}
            />
            {operation}
          </span>
        ))}
      </div>
    </>
  );
}
