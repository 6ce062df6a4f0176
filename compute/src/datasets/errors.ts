/** Where in the data something went wrong. */
export interface DatasetLocation {
  /** The file (or directory) as the caller named it, joined with a batch name for directories. */
  file: string;
  /** Record number counting from 0 at the start of the file, or null when no record is at fault. */
  record: number | null;
}

/**
 * A dataset file or directory that is missing or does not hold what it should: a CIFAR-10 batch
 * not in the official binary format, an image folder without classes, an undecodable image. The
 * message starts with the file so a truncated download is told apart from a wrong path or a
 * different format.
 *
 * @example
 * throw new DatasetError(
 *   { file: 'data_batch_1.bin', record: 17 },
 *   'record 17: label 12 is not a CIFAR-10 class (0-9)',
 * );
 * // message: "data_batch_1.bin: record 17: label 12 is not a CIFAR-10 class (0-9)"
 */
export class DatasetError extends Error {
  readonly file: string;
  readonly record: number | null;
  /** The problem without the file prefix. */
  readonly problem: string;

  constructor(where: DatasetLocation, problem: string, options?: { cause?: unknown }) {
    super(
      `${where.file}: ${problem}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'DatasetError';
    this.file = where.file;
    this.record = where.record;
    this.problem = problem;
  }
}

/**
 * A draw asked for more items than its pool can supply. `capacity` is the most that could be
 * drawn, so callers (the CLI) can suggest a smaller configuration.
 *
 * @example
 * throw new DrawCapacityError('training', 2500, 2003, 'the pool of 4000 labels holds 2003 for training');
 * // message: "cannot draw 2500 training items: the pool of 4000 labels holds 2003 for training"
 */
export class DrawCapacityError extends Error {
  /** What was drawn, e.g. 'training', 'validation', 'batch-norm batch'. */
  readonly what: string;
  readonly requested: number;
  readonly capacity: number;

  constructor(what: string, requested: number, capacity: number, explanation: string) {
    super(`cannot draw ${requested} ${what} items: ${explanation}`);
    this.name = 'DrawCapacityError';
    this.what = what;
    this.requested = requested;
    this.capacity = capacity;
  }
}

/** The class a label-balanced draw ran short in. */
export interface ClassShortfall {
  /** The class's folder name. */
  className: string;
  /** Images the class can supply to the split. */
  available: number;
  /** Images the draw takes from each class (at most). */
  needed: number;
}

/**
 * A label-balanced draw needs more images of one class than the class holds. `capacity` is the
 * largest balanced draw the shortest class allows (labels × its count).
 *
 * @example
 * throw new ClassCapacityError('validation', 600, 500, { className: 'n01440764', available: 50, needed: 60 }, '…');
 */
export class ClassCapacityError extends DrawCapacityError {
  readonly className: string;
  readonly available: number;
  readonly needed: number;

  constructor(
    what: string,
    requested: number,
    capacity: number,
    shortfall: ClassShortfall,
    explanation: string,
  ) {
    super(what, requested, capacity, explanation);
    this.name = 'ClassCapacityError';
    this.className = shortfall.className;
    this.available = shortfall.available;
    this.needed = shortfall.needed;
  }
}
