/**
 * A row-major matrix window inside a larger buffer: element (i, j) is
 * `data[offset + i * stride + j]`. Kernels take windows so blocked algorithms can work on
 * sub-matrices in place instead of copying them out.
 *
 * @example const whole: Strided = { data: a, offset: 0, stride: n }; // all of an n×n matrix
 */
export interface Strided {
  data: Float64Array;
  offset: number;
  stride: number;
}
