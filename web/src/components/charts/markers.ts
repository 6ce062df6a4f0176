/** The marker shapes recharts draws for dots and legend icons. */
export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'star' | 'cross' | 'wye';

/** Shapes in order of use, so series told apart by colour are told apart by shape too. */
export const MARKER_SHAPES: readonly MarkerShape[] = [
  'circle',
  'diamond',
  'triangle',
  'square',
  'star',
  'wye',
  'cross',
];

/**
 * The i-th marker shape, cycling.
 *
 * @example markerShape(1) // 'diamond'
 */
export function markerShape(index: number): MarkerShape {
  return MARKER_SHAPES[index % MARKER_SHAPES.length] ?? 'circle';
}

/**
 * A recharts `dot` drawing `shape` at radius `r`: filled in the colour, or hollow (white inside,
 * a thick outline) so a marker drawn over another leaves the one underneath visible.
 *
 * @example <Line dot={markerDot({ shape: 'diamond', colour: '#0072B2' })} legendType="diamond" />
 */
export function markerDot(options: {
  shape: MarkerShape;
  colour: string;
  r?: number;
  hollow?: boolean;
}) {
  return {
    symbol: options.shape,
    r: options.r ?? 4.5,
    fill: options.hollow ? 'none' : options.colour,
    fillOpacity: 1,
    stroke: options.colour,
    strokeWidth: options.hollow ? 2.5 : 1,
  };
}
