/** A vertex placed for drawing. */
export interface PlacedVertex {
  index: number;
  operation: string;
  /** Longest path from the input (the vertex's column). */
  layer: number;
  x: number;
  y: number;
}

/** An edge between placed vertices. */
export interface PlacedEdge {
  from: number;
  to: number;
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
  spacing: { column: number; row: number; margin: number } = { column: 110, row: 70, margin: 40 },
): CellLayout {
  const n = operations.length;
  const edges: PlacedEdge[] = [];
  const layers = new Array<number>(n).fill(0);
  // Vertices are topologically ordered (the matrix is upper triangular), so one pass suffices.
  for (let to = 0; to < n; to++) {
    for (let from = 0; from < to; from++) {
      if (matrix[from]?.[to] === 1) {
        edges.push({ from, to });
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
  const vertices = operations.map((operation, index) => {
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
  return { vertices, edges, width: spacing.margin * 2 + (columns - 1) * spacing.column, height };
}
