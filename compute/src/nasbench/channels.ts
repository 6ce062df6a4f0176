import type { Matrix } from './matrix.ts';

/**
 * Channels of each vertex of a module (NAS-Bench-101's compute_vertex_channels): the vertices
 * feeding the output split `outputChannels` (earlier ones get the remainder), and every other
 * interior vertex takes the largest channel count among its interior successors.
 *
 * @example vertexChannels(8, 15, [[0,1,1,0],[0,0,0,1],[0,0,0,1],[0,0,0,0]]) // [8, 8, 7, 15]
 */
export function vertexChannels(
  inputChannels: number,
  outputChannels: number,
  matrix: Matrix,
): number[] {
  const n = matrix.length;
  const out = n - 1;
  const channels = new Array<number>(n).fill(0);
  channels[0] = inputChannels;
  channels[out] = outputChannels;
  if (n === 2) return channels;

  const feedsOutput = (v: number): boolean => matrix[v]?.[out] === 1;
  let fanIn = 0;
  for (let v = 1; v < out; v++) if (feedsOutput(v)) fanIn++;
  if (fanIn === 0)
    throw new RangeError('no interior vertex feeds the output (prune the cell first)');

  const share = Math.floor(outputChannels / fanIn);
  let remainder = outputChannels % fanIn;
  for (let v = 1; v < out; v++) {
    if (!feedsOutput(v)) continue;
    channels[v] = share + (remainder > 0 ? 1 : 0);
    if (remainder > 0) remainder--;
  }
  for (let v = n - 3; v > 0; v--) {
    if (feedsOutput(v)) continue;
    for (let dst = v + 1; dst < out; dst++) {
      if (matrix[v]?.[dst]) channels[v] = Math.max(channels[v] as number, channels[dst] as number);
    }
  }
  return channels;
}
