/**
 * Solutions of (K + sᵢ·I)·α = Y for a list of shifts, as one matrix of vectors: α for shift i,
 * class c is row i·C + c of `alphaT` (rows×n, row-major). Rows of a failed shift are zero.
 * `failedColumn[i]` is the 0-based column whose pivot was not positive, or null when the
 * factorisation succeeded.
 */
export interface ShiftedSolves {
  alphaT: Float64Array;
  failedColumn: (number | null)[];
}
