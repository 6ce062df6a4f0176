import { type FragmentDefinitionNode, getVariableValues, Kind, parse } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../architectures/list.ts';
import { sdlSchema } from '../sdl-schema.ts';
import { measureOperation, type QueryMeasure } from './measure.ts';

/**
 * What the limits make of a request, without sending it: the measure of `query`'s operation
 * (`operationName`, or its only one) with `variables` coerced as execution would (defaults
 * applied). For tests and for checking a notebook's query against the limits offline. Throws
 * when the query does not parse or the variables do not coerce.
 *
 * @example measureRequest('{ metrics(predictors: [{kind: MODEL_SIZE}]) { count } }').complexity // ≈ 1,900
 */
export function measureRequest(
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): QueryMeasure {
  const document = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const operations = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation =
    operationName === undefined
      ? operations[0]
      : operations.find((o) => o.name?.value === operationName);
  if (operation === undefined) throw new Error(`no operation ${operationName ?? ''} in the query`);
  const coerced = getVariableValues(sdlSchema(), operation.variableDefinitions ?? [], variables);
  if (coerced.errors !== undefined) throw coerced.errors[0];
  return measureOperation(sdlSchema(), operation, fragments, coerced.coerced, DEFAULT_PAGE_SIZE);
}
