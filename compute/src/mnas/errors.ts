/**
 * An MNAS spec or encoding that breaks a rule of the search space; the message names the block
 * (1-based, as the paper numbers them) and the field, e.g.
 * `new MnasSpecError('block 3: kernel must be 3 or 5, got 7')`.
 */
export class MnasSpecError extends Error {
  override name = 'MnasSpecError';
}

/**
 * A Fig. 7 request the stored data cannot answer, naming what is missing, e.g.
 * `new Fig7InputError('experiment 3 is a NAS-Bench-101 experiment, not an MNAS one')`.
 */
export class Fig7InputError extends Error {
  override name = 'Fig7InputError';
}
