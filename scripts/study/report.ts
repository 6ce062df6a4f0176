/**
 * `pnpm study:report`: the README's "Results" section, regenerated from the database (never
 * typed): the study's experiments (scripts/study/plan.ts) against ground truth, shortened
 * training, model size and the Zen-NAS score, all on the same modules. Tables come from
 * compute's comparePredictors (the numbers `nngp compare` and the API's `metrics` give); the
 * paper's other figures from the GraphQL API itself (an in-process server on this database).
 * `--print` writes the section to stdout instead of README.md; `--check` exits 1 unless README.md
 * already holds exactly what this database gives (the start test runs it on the committed results).
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
import { FULL_WIDTH, NTK, REDUCED_WIDTH, type StudyExperiment } from './plan.ts';
import { renderSection } from './render.ts';

const { values } = parseArgs({
  options: {
    print: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
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
  const configs = REDUCED_WIDTH.configs.map((c) => nngp(reduced, c));
  for (const { label, filter } of filters) {
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
  const ntkId = await experimentId(NTK);
  const ntkConfigs = [pick(NTK), ...NTK.configs];
  const ntk =
    ntkId === undefined
      ? null
      : await compare({ experiment: ntkId }, [
          ...ntkConfigs.flatMap((c) => [
            {
              ...nngp(ntkId, c),
              name: `NTK stem ${NTK.stemChannels} ${c.nTrain}/${c.nVal} ×${c.ensemble}`,
              kernel: 'NTK' as const,
            },
            nngp(ntkId, c),
          ]),
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
      predictors: configs,
      bias: [
        ...[4, 12, 36].map((epochs) => ({ kind: 'TRAINING', epochs })),
        { kind: 'TRAINING', epochs: 108, repeat: 'mean', name: '108 epochs (ground truth)' },
        largest,
      ],
    },
  );
  const section = renderSection({
    experiments: await describeExperiments([reduced, full]),
    runs: await runThroughput([reduced, full]),
    gpuChecks: await gpuChecks(),
    tables,
    width,
    ntk,
    figures: figures as Parameters<typeof renderSection>[0]['figures'],
  });
  const readme = join(REPO_ROOT, 'README.md');
  if (values.print) process.stdout.write(`${section}\n`);
  else if (values.check) await checkSection(readme, section);
  else await replaceSection(readme, section);
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
      WHERE e.id = ANY($1::int[]) GROUP BY e.id ORDER BY e.name`,
    [ids.filter((id) => id !== undefined).map(Number)],
  );
  return rows;
}

/**
 * The run's wall clock and throughput per experiment and engine, from when its results were
 * computed (`created_at`, kept in the committed files): the gaps between consecutive results of
 * the largest configuration, counting only gaps of up to 5 minutes (longer ones are pauses; rows
 * loaded from files without times share one instant and count no time).
 */
async function runThroughput(ids: (string | undefined)[]) {
  const { rows } = await database.pool.query<{
    name: string;
    config: Record<string, unknown>;
    engine: string;
    backend: string;
    timed: number;
    active_seconds: number;
  }>(
    `WITH largest AS (
       SELECT e.id, e.name, e.config, r.engine, r.backend,
              extract(epoch FROM r.created_at - lag(r.created_at)
                OVER (PARTITION BY e.id ORDER BY r.created_at, r.module_hash)) AS gap
         FROM nngp_experiments e JOIN nngp_results r ON r.experiment_id = e.id
          AND r.n_train = (e.config->>'nTrain')::int AND r.n_val = (e.config->>'nVal')::int
          AND r.ensemble = (e.config->>'ensemble')::int
        WHERE e.id = ANY($1::int[]))
     SELECT id, name, config, engine, backend,
            count(*) FILTER (WHERE gap > 0 AND gap <= 300)::int AS timed,
            coalesce(sum(gap) FILTER (WHERE gap > 0 AND gap <= 300), 0)::float8 AS active_seconds
       FROM largest GROUP BY id, name, config, engine, backend ORDER BY name, engine, backend`,
    [ids.filter((id) => id !== undefined).map(Number)],
  );
  return rows.map((r) => ({
    name: r.name,
    config: r.config,
    engine: `${r.engine} (${r.backend})`,
    timed: r.timed,
    activeSeconds: r.active_seconds,
  }));
}

/** The committed GPU check results (docs/benchmarks): full-width seconds per architecture. */
async function gpuChecks() {
  const dir = join(REPO_ROOT, 'docs/benchmarks');
  const files = (await readdir(dir)).filter((f) => /^gpu-check-.*\.json$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const check = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;
      return {
        file: `docs/benchmarks/${file}`,
        backend: String(check.backend),
        notebookSeconds: Number(check.notebookSecondsPerArchitecture),
        fullSeconds: check.seconds500x200x4 === undefined ? null : Number(check.seconds500x200x4),
      };
    }),
  );
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

/** README.md with the section replaced, formatted as Biome formats it (pnpm lint checks it). */
async function withSection(path: string, section: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`${path} has no ${BEGIN} … ${END} markers`);
  const format = spawnSync('pnpm', ['exec', 'biome', 'format', `--stdin-file-path=${path}`], {
    cwd: REPO_ROOT,
    input: `${text.slice(0, begin + BEGIN.length)}\n${section}\n${text.slice(end)}`,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (format.status !== 0) throw new Error(`biome format ${path}: ${format.stderr}`);
  return format.stdout;
}

async function replaceSection(path: string, section: string): Promise<void> {
  await writeFile(path, await withSection(path, section));
  log(`wrote the Results section of ${path}`);
}

/** Exit 1, naming the first differing line, when README.md is not what this data gives. */
async function checkSection(path: string, section: string): Promise<void> {
  const [expected, actual] = [await withSection(path, section), await readFile(path, 'utf8')];
  if (expected === actual) {
    log(`${path}: the Results section is what the database gives, byte for byte`);
    return;
  }
  const [a, b] = [actual.split('\n'), expected.split('\n')];
  const line = a.findIndex((l, i) => l !== b[i]);
  log(
    `${path} differs from what the database gives at line ${line + 1}:\n  README:    ${a[line]}\n  generated: ${b[line]}`,
  );
  process.exitCode = 1;
}
