import { z } from 'zod';
import type { ArchitectureSelection } from '../predictors/architecture-where.ts';

/** A `filter:` selector whose JSON is not an ArchitectureFilter. */
export class FilterSelectionError extends Error {
  override name = 'FilterSelectionError';
}

const range = z.strictObject({
  min: z.number().int().nullish(),
  max: z.number().int().nullish(),
});

/** The GraphQL ArchitectureFilter's fields, as JSON (unknown fields are an error). */
const schema = z.strictObject({
  space: z.enum(['NASBENCH_101', 'MNAS', 'nasbench101', 'mnas']).nullish(),
  sizeClusters: z.array(z.number().int()).nullish(),
  residualConnections: range.nullish(),
  trainableParameters: range.nullish(),
  hasGroundTruth: z.boolean().nullish(),
  experiment: z.union([z.string(), z.number().int()]).nullish(),
  operations: z.array(z.string()).nullish(),
});

/**
 * The ArchitectureSelection of a `--archs filter:JSON` value: the API's ArchitectureFilter
 * fields (sizeClusters, residualConnections {min,max}, trainableParameters {min,max},
 * hasGroundTruth, experiment, operations). Malformed JSON or a field of the wrong type is a
 * FilterSelectionError naming the field; the values themselves are checked by
 * `architectureWhere`.
 *
 * @example parseFilterSelection('{"hasGroundTruth":true,"sizeClusters":[0]}')
 */
export function parseFilterSelection(json: string): ArchitectureSelection {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new FilterSelectionError(
      `--archs filter: is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new FilterSelectionError(
      `--archs filter:${field === '' ? '' : ` ${field}:`} ${issue?.message ?? 'invalid'}`,
    );
  }
  const { experiment, ...rest } = parsed.data;
  return { ...rest, experiment: experiment == null ? experiment : String(experiment) };
}
