import { badUserInput, clientValue } from '../errors.ts';

/** A NAS-Bench-101 module hash: md5 in 32 lowercase hex digits. */
const MODULE_HASH = /^[0-9a-f]{32}$/;

/**
 * Whether `value` has the shape of a module hash (32 lowercase hex digits).
 *
 * @example isModuleHash('0123456789abcdef0123456789abcdef') // true
 */
export function isModuleHash(value: unknown): value is string {
  return typeof value === 'string' && MODULE_HASH.test(value);
}

/**
 * `value` when it is shaped like a module hash, else a BAD_USER_INPUT naming `argumentName`
 * (so a typo is told apart from a well-formed hash that is not stored, which is NOT_FOUND).
 *
 * @example checkModuleHash(args.hash, 'hash')
 */
export function checkModuleHash(value: string, argumentName: string): string {
  if (!isModuleHash(value)) {
    throw badUserInput(
      `${argumentName} ${clientValue(value)} is not a module hash (32 lowercase hex digits)`,
      argumentName,
    );
  }
  return value;
}
