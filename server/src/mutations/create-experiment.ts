import * as nngp from '@nngp-nas/compute/nngp/settings';
import type { Database, ExperimentConfig, KernelKind, NngpExperimentRow } from '@nngp-nas/db';
import { nngpExperiments } from '@nngp-nas/db';
import { eq } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import type { CreateExperimentInput } from '../generated/resolvers-types.ts';

const ARGUMENT = 'input';
/** createExperiment's own defaults (the CLI requires these three); the rest are the CLI's. */
export const EXPERIMENT_SIZE_DEFAULTS = { nTrain: 1000, nVal: 1000, ensemble: 1 } as const;
const MAX_NAME_LENGTH = 200;
const RETENTIONS = ['all', 'largest', 'none'] as const;
const PRECISIONS = ['float32', 'float16'] as const;

/**
 * Validates the input (BAD_USER_INPUT on `input`, naming the field), fills in the defaults of
 * `nngp evaluate`, and stores the experiment through compute's `ensureExperiment`, so an
 * experiment made here is the one the CLI would make with the same settings. A taken name is
 * refused (the CLI would continue that experiment instead).
 *
 * @example await createExperiment(database, { name: 'notebook', nTrain: 100, nVal: 200, ensemble: 2 })
 */
export async function createExperiment(
  database: Database,
  input: CreateExperimentInput,
): Promise<NngpExperimentRow> {
  const defaults = nngp.EVALUATION_DEFAULTS;
  const name = input.name.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    throw badUserInput(`name must have 1 to ${MAX_NAME_LENGTH} characters`, ARGUMENT, 'name');
  }
  const largest = {
    nTrain: positive('nTrain', input.nTrain ?? EXPERIMENT_SIZE_DEFAULTS.nTrain),
    nVal: positive('nVal', input.nVal ?? EXPERIMENT_SIZE_DEFAULTS.nVal),
    ensemble: positive('ensemble', input.ensemble ?? EXPERIMENT_SIZE_DEFAULTS.ensemble),
  };
  const smaller = (input.configs ?? []).map((c, i) => ({
    nTrain: positive(`configs[${i}].nTrain`, c.nTrain, 'configs'),
    nVal: positive(`configs[${i}].nVal`, c.nVal, 'configs'),
    ensemble: positive(`configs[${i}].ensemble`, c.ensemble, 'configs'),
  }));
  let configs: ExperimentConfig['configs'];
  try {
    configs = nngp.configsWithin(largest, smaller);
  } catch (error) {
    if (error instanceof nngp.ConfigError) throw badUserInput(error.message, ARGUMENT, 'configs');
    throw error;
  }
  const kernels = [
    ...new Set((input.kernels ?? ['NNGP']).map((k) => k.toLowerCase() as KernelKind)),
  ];
  if (kernels.length === 0)
    throw badUserInput('kernels must name NNGP, NTK or both', ARGUMENT, 'kernels');
  const dataset = nngp.defaultEvaluationDataset();
  const config: ExperimentConfig = {
    ...largest,
    seed: input.seed ?? defaults.seed,
    stemChannels: positive('stemChannels', input.stemChannels ?? defaults.stemChannels),
    stacks: positive('stacks', input.stacks ?? defaults.stacks),
    modulesPerStack: positive('modulesPerStack', input.modulesPerStack ?? defaults.modulesPerStack),
    // The label runEvaluation stores, so a job re-deriving it finds the same experiment.
    dataset: Array.isArray(dataset) ? dataset.join(',') : dataset,
    bnBatchSize: positive('bnBatchSize', input.bnBatchSize ?? defaults.bnBatchSize),
    configs,
    engine: oneOf('engine', input.engine ?? defaults.engine, nngp.ENGINES),
    ...(kernels.includes('ntk') ? { kernels } : {}),
  };
  const retention = oneOf('retention', input.retention ?? defaults.retention, RETENTIONS);
  const precision = oneOf('precision', input.precision ?? defaults.precision, PRECISIONS);

  const client = await database.pool.connect();
  let id: number;
  try {
    await client.query('BEGIN');
    // Two requests for one new name queue here, so exactly one of them creates it.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `nngp_experiments.name ${name}`,
    ]);
    if ((await nngp.findExperiment(client, name)) !== undefined) {
      throw badUserInput(`an experiment named ${JSON.stringify(name)} exists`, ARGUMENT, 'name');
    }
    ({ id } = await nngp.ensureExperiment(client, name, config, retention, precision));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  const [row] = await database.db.select().from(nngpExperiments).where(eq(nngpExperiments.id, id));
  if (row === undefined) throw new Error(`experiment ${id} vanished after it was created`);
  return row;
}

function positive(label: string, value: number, field = label): number {
  if (!Number.isInteger(value) || value < 1) {
    throw badUserInput(`${label} must be a positive integer, got ${value}`, ARGUMENT, field);
  }
  return value;
}

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw badUserInput(
      `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
      ARGUMENT,
      field,
    );
  }
  return value as T;
}
