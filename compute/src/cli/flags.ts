import { UsageError } from './errors.ts';

/**
 * An integer flag, or a UsageError naming the flag.
 *
 * @example integer('--seed', '3') // 3; integer('--seed', 'x') throws "--seed must be an integer, got 'x'"
 */
export function integer(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be an integer, got '${text}'`);
  return n;
}

/** An integer flag of at least 1. */
export function positive(flag: string, text: string): number {
  const n = integer(flag, text);
  if (n < 1) throw new UsageError(`${flag} must be at least 1, got '${text}'`);
  return n;
}

/** A finite number flag. */
export function finite(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`${flag} must be a number, got '${text}'`);
  return n;
}

/** The values of `--space`, as the dashboard's URL spells them. */
export const SPACE_FLAG_VALUES = ['nasbench101', 'mnas'] as const;

/**
 * A `--space` flag: the stored name of a search space.
 *
 * @example space('--space', 'mnas') // 'mnas'
 */
export function space(flag: string, text: string): (typeof SPACE_FLAG_VALUES)[number] {
  const value = SPACE_FLAG_VALUES.find((s) => s === text.trim());
  if (value === undefined)
    throw new UsageError(`${flag} must be one of ${SPACE_FLAG_VALUES.join(', ')}, got '${text}'`);
  return value;
}
