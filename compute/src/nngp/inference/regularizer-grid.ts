/**
 * The paper's regularizer grid, numpy's logspace(−7, 2, 20): 10^(−7 + 9k/19) for k = 0..19,
 * computed in numpy's order (k·step + start, last exponent exactly 2) so the values match it to
 * the last bit or two (pow implementations may differ by an ulp).
 *
 * @example REGULARIZER_GRID[0] // 1e-7; REGULARIZER_GRID[19] // 100
 */
export const REGULARIZER_GRID: readonly number[] = Object.freeze(
  Array.from({ length: 20 }, (_, k) => 10 ** (k === 19 ? 2 : k * (9 / 19) + -7)),
);
