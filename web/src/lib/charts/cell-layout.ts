/** A vertex placed for drawing. */
export interface PlacedVertex {
  index: number;
  operation: string;
  /** Longest path from the input (the vertex's column). */
  layer: number;
  x: number;
  y: number;
}

/**
 * An edge between placed vertices, drawn as a quadratic curve from `start` through the pull of
 * `control` to `end` (the points on the two vertices' rims); a straight edge has its control
 * point on the chord.
 */
export interface PlacedEdge {
  from: number;
  to: number;
  start: Point;
  control: Point;
  end: Point;
  /** SVG path data of the curve. */
  path: string;
}

export interface Point {
  x: number;
  y: number;
}

/** A cell laid out left to right: input in the first column, output in the last. */
export interface CellLayout {
  vertices: PlacedVertex[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/**
 * Lays out a NAS-Bench-101 cell (upper-triangular adjacency matrix, vertices in topological
 * order) in columns by longest path from the input, vertices of a column spread vertically.
 *
 * @example layoutCell([[0, 1], [0, 0]], ['input', 'output']).vertices.map((v) => v.layer) // [0, 1]
 */
export function layoutCell(
  matrix: number[][],
  operations: string[],
  spacing: CellSpacing = DEFAULT_SPACING,
): CellLayout {
  const n = operations.length;
  const pairs: { from: number; to: number }[] = [];
  const layers = new Array<number>(n).fill(0);
  // Vertices are topologically ordered (the matrix is upper triangular), so one pass suffices.
  for (let to = 0; to < n; to++) {
    for (let from = 0; from < to; from++) {
      if (matrix[from]?.[to] === 1) {
        pairs.push({ from, to });
        layers[to] = Math.max(layers[to] ?? 0, (layers[from] ?? 0) + 1);
      }
    }
  }
  const columns = Math.max(...layers, 0) + 1;
  const byLayer = new Map<number, number[]>();
  for (const [index, layer] of layers.entries()) {
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), index]);
  }
  const tallest = Math.max(...[...byLayer.values()].map((members) => members.length), 1);
  const height = spacing.margin * 2 + (tallest - 1) * spacing.row;
  const placed = operations.map((operation, index) => {
    const layer = layers[index] ?? 0;
    const members = byLayer.get(layer) ?? [index];
    const position = members.indexOf(index);
    const offset = (position - (members.length - 1) / 2) * spacing.row;
    return {
      index,
      operation,
      layer,
      x: spacing.margin + layer * spacing.column,
      y: height / 2 + offset,
    };
  });
  const edges = routeEdges(pairs, placed, spacing.radius);
  // Curves may bulge past the vertices: grow the drawing to hold them, shifting everything down.
  const ys = [...placed.map((v) => v.y), ...edges.flatMap((e) => curveExtremes(e))];
  const top = Math.min(...ys);
  const shift = spacing.margin - top;
  const vertices = placed.map((v) => ({ ...v, y: v.y + shift }));
  return {
    vertices,
    edges: shift === 0 ? edges : routeEdges(pairs, vertices, spacing.radius),
    width: spacing.margin * 2 + (columns - 1) * spacing.column,
    height: Math.max(...ys) - top + spacing.margin * 2,
  };
}

export interface CellSpacing {
  column: number;
  row: number;
  margin: number;
  /** Radius of a drawn vertex: edges end on its rim and keep clear of other vertices by it. */
  radius: number;
}

export const DEFAULT_SPACING: CellSpacing = { column: 110, row: 70, margin: 40, radius: 20 };

/**
 * Routes each edge straight when the chord clears every other vertex and no other edge runs
 * along it; otherwise as a curve bent away from the chord, further each try, alternating sides,
 * until it clears every vertex and differs from the edges routed before it. Chain-shaped cells
 * need this: their skip edges (0→2, 0→5) would otherwise run hidden behind the chain.
 */
function routeEdges(
  pairs: readonly { from: number; to: number }[],
  vertices: readonly Point[],
  radius: number,
): PlacedEdge[] {
  const routed: PlacedEdge[] = [];
  for (const [i, { from, to }] of pairs.entries()) {
    const a = vertices[from] as Point;
    const b = vertices[to] as Point;
    const others = vertices.filter((_, k) => k !== from && k !== to);
    let edge = placeEdge(from, to, a, b, 0, radius);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const clear = others.every((v) => distanceToCurve(v, edge) > radius * 1.2);
      const distinct = routed.every((r) => !overlaps(r, edge, radius / 2));
      if (clear && distinct) break;
      const side = (attempt + i) % 2 === 0 ? 1 : -1;
      edge = placeEdge(from, to, a, b, side * Math.ceil(attempt / 2) * radius * 1.6, radius);
    }
    routed.push(edge);
  }
  return routed;
}

/** An edge whose control point sits `bend` away from the chord's midpoint, perpendicular to it. */
function placeEdge(from: number, to: number, a: Point, b: Point, bend: number, radius: number) {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const [nx, ny] = [-(b.y - a.y) / length, (b.x - a.x) / length];
  // A quadratic curve reaches half its control point's offset: double it to bulge by `bend`.
  const control = { x: (a.x + b.x) / 2 + nx * bend * 2, y: (a.y + b.y) / 2 + ny * bend * 2 };
  const towards = (p: Point, q: Point, by: number) => {
    const d = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    return { x: p.x + ((q.x - p.x) / d) * by, y: p.y + ((q.y - p.y) / d) * by };
  };
  const start = towards(a, control, radius);
  const end = towards(b, control, radius + 2);
  const f = (v: number) => Number(v.toFixed(2));
  const path = `M ${f(start.x)} ${f(start.y)} Q ${f(control.x)} ${f(control.y)} ${f(end.x)} ${f(end.y)}`;
  return { from, to, start, control, end, path };
}

const POINTS = new WeakMap<PlacedEdge, Point[]>();

/** Points along an edge's curve (24 segments), computed once per edge. */
export function curvePoints(edge: PlacedEdge): Point[] {
  const cached = POINTS.get(edge);
  if (cached) return cached;
  const points: Point[] = [];
  const steps = 24;
  for (let k = 0; k <= steps; k++) {
    const t = k / steps;
    const u = 1 - t;
    points.push({
      x: u * u * edge.start.x + 2 * u * t * edge.control.x + t * t * edge.end.x,
      y: u * u * edge.start.y + 2 * u * t * edge.control.y + t * t * edge.end.y,
    });
  }
  POINTS.set(edge, points);
  return points;
}

/** The closest the curve comes to `p`. */
export function distanceToCurve(p: Point, edge: PlacedEdge): number {
  // A plain loop over squared distances: routing calls this hundreds of times per cell.
  let nearest = Number.POSITIVE_INFINITY;
  for (const q of curvePoints(edge)) {
    const d = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
    if (d < nearest) nearest = d;
  }
  return Math.sqrt(nearest);
}

/** Whether two curves run together: most of one lies within `tolerance` of the other. */
function overlaps(a: PlacedEdge, b: PlacedEdge, tolerance: number): boolean {
  const close = curvePoints(b).filter((p) => distanceToCurve(p, a) < tolerance).length;
  return close > curvePoints(b).length / 3;
}

function curveExtremes(edge: PlacedEdge): number[] {
  return curvePoints(edge).map((p) => p.y);
}
