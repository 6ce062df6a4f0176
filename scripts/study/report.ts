/**
 * `pnpm study:report`: the README's "Results" section, regenerated from the database (never
 * typed): the study's experiments (scripts/study/plan.ts) against ground truth, shortened
 * training, model size and the Zen-NAS score, all on the same modules. Tables come from
 * compute's comparePredictors (the numbers `nngp compare` and the API's `metrics` give); the
 * paper's other figures from the GraphQL API itself (an in-process server on this database).
 * `--print` writes the section to stdout instead of README.md.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../compute/src/nasbench/data-files.ts';
import {
  type ArchitectureSelection,
  architectureWhere,
  type Comparison,
  comparePredictors,
  type PredictorSpec,
} from '../../compute/src/predictors/index.ts';
import { architectures, openDatabase } from '../../db/src/index.ts';
import { createApiServer } from '../../server/src/index.ts';
import { FULL_WIDTH, REDUCED_WIDTH, type StudyExperiment } from './plan.ts';
import { renderSection } from './render.ts';

const { values } = parseArgs({ options: { print: { type: 'boolean', default: false } } });
const BEGIN = '<!-- study-results:begin (pnpm study:report writes this section) -->';
const END = '<!-- study-results:end -->';
const THRESHOLDS = [0.85, 0.89, 0.91, 0.93];

const log = (line: string) => process.stderr.write(`study report: ${line}\n`);
const database = await openDatabase({ log });
const api = await createApiServer({ database, port: 0, development: false });
try {
  const reduced = await experimentId(REDUCED_WIDTH);
  const full = await experimentId(FULL_WIDTH);
  if (reduced === undefined) throw new Error(`no experiment ${REDUCED_WIDTH.name}: run pnpm study`);
  const nngp = (
    id: string,
    c: { nTrain: number; nVal: number; ensemble: number },
    stem = REDUCED_WIDTH.stemChannels,
  ) =>
    ({
      kind: 'NNGP',
      experiment: id,
      name: `NNGP stem ${stem} ${c.nTrain}/${c.nVal} ×${c.ensemble}`,
      ...c,
    }) as const;
  const baselines: PredictorSpec[] = [
    ...[4, 12, 36].map((epochs) => ({ kind: 'TRAINING', epochs, repeat: 0 }) as const),
    { kind: 'MODEL_SIZE' },
    { kind: 'PROXY', proxy: 'zen_score', name: 'Zen-NAS score' },
  ];
  const largest = nngp(reduced, pick(REDUCED_WIDTH));
  const headline = [
    { nTrain: 100, nVal: 200, ensemble: 2 },
    { nTrain: 250, nVal: 200, ensemble: 4 },
    { nTrain: 500, nVal: 200, ensemble: 4 },
  ].map((c) => nngp(reduced, c));
  const study: ArchitectureSelection = { experiment: reduced };
  // Discovery in 10 random halves of the evaluated modules (the paper: 10 × 10,000 of 423,624).
  const halves = async (filter: ArchitectureSelection) => ({
    count: 10,
    size: Math.max(
      10,
      Math.floor(
        (await database.db.$count(architectures, architectureWhere(database.db, filter))) / 2,
      ),
    ),
    seed: 0,
  });
  const compare = async (filter: ArchitectureSelection, predictors: PredictorSpec[]) => {
    log(`comparing ${predictors.length} predictors over ${JSON.stringify(filter)}`);
    return comparePredictors(database.db, {
      filter,
      predictors,
      thresholds: THRESHOLDS,
      subsets: await halves(filter),
    });
  };
  const filters: { label: string; filter: ArchitectureSelection }[] = [
    { label: 'all evaluated modules', filter: study },
    ...(await studyClusters(reduced)).map((c) => ({
      label: `size cluster ${c.id} (${c.label})`,
      filter: { ...study, sizeClusters: [c.id] },
    })),
    {
      label: '0–2 residual connections',
      filter: { ...study, residualConnections: { min: 0, max: 2 } },
    },
    {
      label: '3 or more residual connections',
      filter: { ...study, residualConnections: { min: 3, max: 9 } },
    },
  ];
  const tables: { label: string; comparison: Comparison }[] = [];
  for (const [i, { label, filter }] of filters.entries()) {
    const configs = i === 0 ? REDUCED_WIDTH.configs.map((c) => nngp(reduced, c)) : headline;
    tables.push({ label, comparison: await compare(filter, [...configs, ...baselines]) });
  }
  const width =
    full === undefined
      ? null
      : await compare({ experiment: full }, [
          nngp(full, pick(FULL_WIDTH), FULL_WIDTH.stemChannels),
          nngp(reduced, { nTrain: 100, nVal: 200, ensemble: 2 }),
          largest,
          ...baselines.slice(0, 2),
        ]);
  const figures = await gql(
    `query Figures($filter: ArchitectureFilter, $nngp: NngpConfigInput!, $predictors: [PredictorInput!]!, $bias: [PredictorInput!], $subsets: SubsetsInput) {
      searchSpaceReduction(filter: $filter, nngp: $nngp, subsets: $subsets) {
        epochs screening keepPercent discovered { mean standardError subsetSize } costPflops }
      hybrid(filter: $filter, nngp: $nngp, subsets: $subsets) {
        fit { epoch4Coefficient nngpCoefficient bias rSquared }
        metrics { predictor count kendallTau pearson discovered { mean standardError } costPflops }
        notes }
      modelSizeCorrelation(filter: $filter, predictors: $predictors) { predictor count kendallTau pearson }
      residualBias(filter: $filter, predictors: $bias) {
        residualConnections architectures percentiles { predictor meanPercentile } }
    }`,
    {
      filter: study,
      subsets: await halves(study),
      nngp: { experiment: reduced, ...pick(REDUCED_WIDTH) },
      predictors: REDUCED_WIDTH.configs.map((c) => nngp(reduced, c)),
      bias: [
        ...[4, 12, 36].map((epochs) => ({ kind: 'TRAINING', epochs })),
        { kind: 'TRAINING', epochs: 108, repeat: 'mean', name: '108 epochs (ground truth)' },
        largest,
      ],
    },
  );
  const section = renderSection({
    generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    experiments: await describeExperiments([reduced, full]),
    tables,
    width,
    figures: figures as Parameters<typeof renderSection>[0]['figures'],
  });
  if (values.print) process.stdout.write(`${section}\n`);
  else await replaceSection(join(REPO_ROOT, 'README.md'), section);
} finally {
  await api.stop();
  await database.close();
}

async function experimentId(e: StudyExperiment): Promise<string | undefined> {
  const { rows } = await database.pool.query<{ id: number }>(
    'SELECT id FROM nngp_experiments WHERE name = $1',
    [e.name],
  );
  return rows[0] === undefined ? undefined : String(rows[0].id);
}

function pick(e: StudyExperiment) {
  return { nTrain: e.nTrain, nVal: e.nVal, ensemble: e.ensemble };
}

/** The stored size clusters holding at least 30 of the evaluated modules. */
async function studyClusters(id: string): Promise<{ id: number; label: string }[]> {
  const { rows } = await database.pool.query<{ id: number; label: string; n: number }>(
    `SELECT c.id, c.label, count(DISTINCT r.module_hash)::int AS n
       FROM nngp_results r JOIN architectures a ON a.hash = r.module_hash
       JOIN size_clusters c ON c.id = a.size_cluster
      WHERE r.experiment_id = $1 GROUP BY c.id, c.label HAVING count(DISTINCT r.module_hash) >= 30
      ORDER BY c.id`,
    [Number(id)],
  );
  return rows;
}

async function describeExperiments(ids: (string | undefined)[]) {
  const { rows } = await database.pool.query<{
    name: string;
    config: Record<string, unknown>;
    modules: number;
    engine: string;
    backend: string;
    seconds: number;
  }>(
    `SELECT e.name, e.config, count(r.*)::int AS modules,
            string_agg(DISTINCT r.engine, ', ') AS engine, string_agg(DISTINCT r.backend, ', ') AS backend,
            coalesce(avg(r.seconds), 0)::float8 AS seconds
       FROM nngp_experiments e
       LEFT JOIN nngp_results r ON r.experiment_id = e.id AND r.n_train = (e.config->>'nTrain')::int
        AND r.n_val = (e.config->>'nVal')::int AND r.ensemble = (e.config->>'ensemble')::int
      WHERE e.id = ANY($1::int[]) GROUP BY e.id ORDER BY e.id`,
    [ids.filter((id) => id !== undefined).map(Number)],
  );
  return rows;
}

async function gql(query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`API: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

async function replaceSection(path: string, section: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`${path} has no ${BEGIN} … ${END} markers`);
  await writeFile(path, `${text.slice(0, begin + BEGIN.length)}\n${section}\n${text.slice(end)}`);
  // Biome formats the README's tables (pnpm lint checks it): align them as it would.
  const format = spawnSync('pnpm', ['exec', 'biome', 'format', '--write', path], {
    cwd: REPO_ROOT,
  });
  if (format.status !== 0) throw new Error(`biome format ${path}: ${format.stderr}`);
  log(`wrote the Results section of ${path}`);
}
