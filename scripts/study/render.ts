import type { Comparison, PredictorComparison } from '../../compute/src/predictors/index.ts';

/** What the GraphQL API answers for the paper's other figures (see report.ts's query). */
export interface FigureData {
  searchSpaceReduction: {
    epochs: number;
    screening: string;
    keepPercent: number | null;
    discovered: { mean: number; standardError: number | null; subsetSize: number };
    costPflops: number;
  }[];
  hybrid: {
    fit: {
      epoch4Coefficient: number;
      nngpCoefficient: number;
      bias: number;
      rSquared: number;
    } | null;
    metrics: {
      predictor: string;
      count: number;
      kendallTau: number | null;
      pearson: number | null;
      discovered: { mean: number; standardError: number | null } | null;
      costPflops: number | null;
    } | null;
    notes: string[];
  };
  modelSizeCorrelation: {
    predictor: string;
    count: number;
    kendallTau: number | null;
    pearson: number | null;
  }[];
  residualBias: {
    residualConnections: number;
    architectures: number;
    percentiles: { predictor: string; meanPercentile: number }[];
  }[];
}

export interface SectionInput {
  generatedAt: string;
  experiments: {
    name: string;
    config: Record<string, unknown>;
    modules: number;
    engine: string | null;
    backend: string | null;
    seconds: number;
  }[];
  tables: { label: string; comparison: Comparison }[];
  width: Comparison | null;
  figures: FigureData;
}

const num = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
const interval = (x: number | null, i: { low: number; high: number } | null) =>
  i === null ? num(x) : `${num(x)} [${num(i.low, 2)}, ${num(i.high, 2)}]`;
const cost = (pflops: number | null) =>
  pflops === null ? 'unknown' : pflops >= 100 ? pflops.toFixed(0) : pflops.toPrecision(3);
const discovered = (d: { mean: number; standardError: number | null } | null) =>
  d === null ? '—' : `${num(d.mean, 4)} ± ${num(d.standardError, 4)}`;

/** One markdown table row per predictor: τ and r with intervals, PQETP, discovery, cost. */
export function predictorTable(comparison: Comparison): string {
  const thresholds = comparison.predictors[0]?.pqetp.map((p) => p.threshold) ?? [];
  const header = [
    'predictor',
    'n',
    'Kendall τ [95% CI]',
    'Pearson r [95% CI]',
    ...thresholds.map((t) => `PQETP ${t}`),
    'discovered (mean ± s.e.)',
    'cost (PFLOPs)',
  ];
  const row = (p: PredictorComparison) => [
    p.name,
    String(p.n),
    interval(p.kendallTau, p.kendallTauInterval),
    interval(p.pearson, p.pearsonInterval),
    ...thresholds.map((t) => num(p.pqetp.find((q) => q.threshold === t)?.auroc ?? null)),
    discovered(p.discovered),
    cost(p.costPflops),
  ];
  return markdownTable(header, comparison.predictors.map(row));
}

export function markdownTable(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The sentence that answers the paper's question on these data, from the numbers. */
function verdict(all: Comparison): string {
  const by = (name: RegExp) => all.predictors.find((p) => name.test(p.name));
  const nngp = all.predictors
    .filter((p) => p.kind === 'nngp' && p.kendallTau !== null)
    .sort((a, b) => (b.kendallTau ?? 0) - (a.kendallTau ?? 0))[0];
  const e4 = by(/^epochs 4 /);
  const e12 = by(/^epochs 12 /);
  if (!nngp || !e4 || !e12) return '';
  const ratio = (a: PredictorComparison, b: PredictorComparison) =>
    a.costPflops && b.costPflops ? `${(b.costPflops / a.costPflops).toFixed(0)}×` : '?';
  const compare = (other: PredictorComparison) => {
    const [lo, hi] = [nngp.kendallTauInterval, other.kendallTauInterval];
    const overlap = lo && hi && lo.low <= hi.high && hi.low <= lo.high;
    const side = (nngp.kendallTau ?? 0) > (other.kendallTau ?? 0) ? 'above' : 'below';
    return `${side} ${other.name} (τ ${num(other.kendallTau)} at ${ratio(nngp, other)} NNGP's cost${overlap ? '; the 95 % intervals overlap' : ''})`;
  };
  return `On these ${all.architectures} modules the best NNGP configuration (${nngp.name}) reaches Kendall τ ${num(nngp.kendallTau)}: ${compare(e4)}, and ${compare(e12)}.`;
}

/** The whole section: settings, the verdict, a table per filter, the other figures. */
export function renderSection(input: SectionInput): string {
  const out: string[] = [];
  out.push(
    `Generated ${input.generatedAt} UTC by \`pnpm study:report\` from the study's database (\`pnpm study\` ran it; the results are in [results/](results/)). Costs are PFLOPs at full width, as the paper counts them (DESIGN.md §4), whatever width the kernels were estimated at; intervals are 95 % percentile bootstraps (1,000 resamples, seed 0); discovered performance is the best ground truth among the predictor's top 10 in each of 10 random halves of the evaluated modules.`,
    '',
    markdownTable(
      [
        'experiment',
        'network',
        'configuration',
        'modules evaluated',
        'engine',
        'mean seconds per module',
      ],
      input.experiments.map((e) => [
        e.name,
        `stem ${e.config.stemChannels}, ${e.config.stacks}×${e.config.modulesPerStack} modules`,
        `${e.config.nTrain}/${e.config.nVal} ×${e.config.ensemble}`,
        String(e.modules),
        `${e.engine ?? '—'} (${e.backend ?? '—'})`,
        num(e.seconds, 1),
      ]),
    ),
    '',
  );
  const all = input.tables[0]?.comparison;
  if (all) out.push(verdict(all), '');
  for (const { label, comparison } of input.tables) {
    out.push(
      `#### ${label} (${comparison.architectures} modules with ground truth)`,
      '',
      predictorTable(comparison),
      '',
    );
  }
  if (input.width) {
    out.push(
      '#### Width: stem 16 against stem 128 on the same modules',
      '',
      predictorTable(input.width),
      '',
    );
  }
  const f = input.figures;
  out.push(
    '#### Search-space reduction (Fig. 8)',
    '',
    markdownTable(
      ['training', 'screening', 'kept', 'discovered (mean ± s.e.)', 'subset size', 'cost (PFLOPs)'],
      f.searchSpaceReduction.map((r) => [
        `${r.epochs} epochs`,
        r.screening.toLowerCase(),
        r.keepPercent === null ? 'all' : `${r.keepPercent} %`,
        discovered(r.discovered),
        String(r.discovered.subsetSize),
        cost(r.costPflops),
      ]),
    ),
    '',
    '#### Hybrid metric (Fig. 9)',
    '',
  );
  if (f.hybrid.fit && f.hybrid.metrics) {
    const m = f.hybrid.metrics;
    out.push(
      `12-epoch accuracy ≈ ${num(f.hybrid.fit.epoch4Coefficient)} × 4-epoch + ${num(f.hybrid.fit.nngpCoefficient)} × NNGP + ${num(f.hybrid.fit.bias)} (R² ${num(f.hybrid.fit.rSquared)}); as a predictor over ${m.count} modules: τ ${num(m.kendallTau)}, r ${num(m.pearson)}, discovered ${discovered(m.discovered)}, cost ${cost(m.costPflops)} PFLOPs.`,
      '',
    );
  } else out.push(f.hybrid.notes.join('; ') || 'no fit', '');
  out.push(
    '#### NNGP accuracy against model size (Fig. 6)',
    '',
    markdownTable(
      ['predictor', 'n', 'Kendall τ with parameters', 'Pearson r with parameters'],
      f.modelSizeCorrelation.map((c) => [
        c.predictor,
        String(c.count),
        num(c.kendallTau),
        num(c.pearson),
      ]),
    ),
    '',
    '#### Residual-connection bias (Fig. 4): mean percentile rank by residual-connection count',
    '',
  );
  const names = f.residualBias[0]?.percentiles.map((p) => p.predictor) ?? [];
  out.push(
    markdownTable(
      ['residual connections', 'modules', ...names],
      f.residualBias.map((r) => [
        String(r.residualConnections),
        String(r.architectures),
        ...names.map((n) => num(r.percentiles.find((p) => p.predictor === n)?.meanPercentile, 1)),
      ]),
    ),
  );
  return out.join('\n');
}
