import { coerceInputValue, isInputType } from 'graphql';
import { badUserInput, shortenQuotedValues } from '../errors.ts';
import { sdlSchema } from '../sdl-schema.ts';

/**
 * `value` coerced to the SDL's input type `typeName` exactly as GraphQL coerces a variable
 * (unknown fields, wrong types and enum values are refused; defaults are filled in), so a
 * parameter outside GraphQL accepts what the GraphQL argument accepts. A bad value is a
 * BAD_USER_INPUT naming `argumentName` (and the input field where there is one).
 *
 * @example coerceInput<ArchitectureOrder>('ArchitectureOrder', { field: 'FLOPS' }, 'orderBy')
 * // { field: 'FLOPS', direction: 'ASC' }
 */
export function coerceInput<T>(typeName: string, value: unknown, argumentName: string): T {
  const type = sdlSchema().getType(typeName);
  if (type === undefined || !isInputType(type)) throw new Error(`no input type ${typeName}`);
  let problem: { path: readonly (string | number)[]; message: string } | undefined;
  const coerced = coerceInputValue(value, type, (path, _invalid, error) => {
    problem ??= { path, message: error.message };
  });
  if (problem !== undefined) {
    const { path, message } = problem;
    const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    const field = typeof path[0] === 'string' ? path[0] : undefined;
    throw badUserInput(
      shortenQuotedValues(`${argumentName}${where}: ${message}`),
      argumentName,
      field,
    );
  }
  return coerced as T;
}
