import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  visit,
} from 'graphql';

import { queryTooComplex } from '../errors.ts';

/** Most root fields (aliases included) one operation may select. */
export const MAX_ROOT_FIELDS = 25;
/**
 * Most fields a document may write (the dashboard's largest has about 40, an introspection
 * query about 100): validation's cost grows with them, and it runs before anything else.
 */
export const MAX_FIELD_NODES = 500;
/** Most tokens a document may have (a 50,000-hash list literal still fits). */
export const MAX_DOCUMENT_TOKENS = 100_000;

/**
 * QUERY_TOO_COMPLEX (HTTP 400) for a GraphQL request whose document selects more than
 * {@link MAX_ROOT_FIELDS} root fields or writes more than {@link MAX_FIELD_NODES} fields;
 * undefined otherwise, a document that does not parse included (Apollo reports the syntax
 * error). Checked before Apollo validates the document: graphql-js's validation takes about a
 * second over a thousand aliases, and nothing can refuse a document during it.
 *
 * @example const refusal = oversizedDocument(body.query, body.operationName);
 */
export function oversizedDocument(
  query: unknown,
  operationName: unknown,
): GraphQLError | undefined {
  if (typeof query !== 'string') return undefined;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: MAX_DOCUMENT_TOKENS, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes('tokens')) {
      return queryTooComplex(`the document has more than ${MAX_DOCUMENT_TOKENS} tokens`, {
        maxTokens: MAX_DOCUMENT_TOKENS,
      });
    }
    return undefined;
  }
  const size = documentSize(document, typeof operationName === 'string' ? operationName : null);
  if (size.rootFields > MAX_ROOT_FIELDS) {
    return queryTooComplex(
      `the operation selects ${size.rootFields} root fields (aliases included), at most ${MAX_ROOT_FIELDS}`,
      { rootFields: size.rootFields, maxRootFields: MAX_ROOT_FIELDS },
    );
  }
  if (size.fieldNodes > MAX_FIELD_NODES) {
    return queryTooComplex(
      `the document writes ${size.fieldNodes} fields, at most ${MAX_FIELD_NODES}`,
      {
        fieldNodes: size.fieldNodes,
        maxFieldNodes: MAX_FIELD_NODES,
      },
    );
  }
  return undefined;
}

/** How large a parsed document is, counted before it is validated. */
export interface DocumentSize {
  /** Root fields of the operation to run (aliases counted, fragments expanded). */
  rootFields: number;
  /** Field nodes written anywhere in the document. */
  fieldNodes: number;
}

/**
 * Root fields of the operation named `operationName` (the only one when null) and the field
 * nodes of the whole document: what validation's cost grows with, so a document of a thousand
 * aliases can be refused before graphql-js spends a second validating it. Works on documents
 * not validated yet (unknown fragments and fragment cycles are skipped; validation reports them).
 *
 * @example documentSize(parse('{ a: experiments { id } b: experiments { id } }'), null)
 * // { rootFields: 2, fieldNodes: 4 }
 */
export function documentSize(document: DocumentNode, operationName: string | null): DocumentSize {
  let fieldNodes = 0;
  visit(document, {
    Field() {
      fieldNodes++;
    },
  });
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation =
    operationName === null
      ? operations[0]
      : operations.find((o) => o.name?.value === operationName);
  const visiting = new Set<string>();
  const count = (set: SelectionSetNode): number => {
    let fields = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) fields++;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        fields += count(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment === undefined || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        fields += count(fragment.selectionSet);
        visiting.delete(fragment.name.value);
      }
    }
    return fields;
  };
  return { rootFields: operation === undefined ? 0 : count(operation.selectionSet), fieldNodes };
}
