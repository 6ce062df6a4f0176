/**
 * A NAS-Bench-101 cell that breaks a rule of the search space, e.g.
 * `new SpecError('too many edges: 10 (max 9)')`.
 */
export class SpecError extends Error {
  override name = 'SpecError';
}
