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

/** Wall clock and throughput of one experiment's results on one engine (report.ts). */
export interface RunFigures {
  name: string;
  config: Record<string, unknown>;
  engine: string;
  timed: number;
  activeSeconds: number;
}

/** A committed GPU check (docs/benchmarks): seconds per architecture at full width. */
export interface GpuCheck {
  file: string;
  backend: string;
  notebookSeconds: number;
  fullSeconds: number | null;
}

/** NAS-Bench-101's modules: what the projections are for. */
export const SEARCH_SPACE_MODULES = 423_624;

export interface SectionInput {
  runs: RunFigures[];
  gpuChecks: GpuCheck[];
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
  /** The empirical NTK and the NNGP of the NTK experiment, per configuration, with baselines. */
  ntk: Comparison | null;
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
    `Generated by \`pnpm study:report\` from the study's results (\`pnpm study\` computed them; they are committed in [results/](results/) and load into any database, so the same files give this same text). Costs are PFLOPs at full width, as the paper counts them (DESIGN.md §4), whatever width the kernels were estimated at; intervals are 95 % percentile bootstraps (1,000 resamples, seed 0); discovered performance is the best ground truth among the predictor's top 10 in each of 10 random halves of the evaluated modules.`,
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
  out.push(...runSection(input), '');
  const all = input.tables[0]?.comparison;
  if (all) out.push(verdict(all), '', ...claims(input, all), '');
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
  if (input.ntk) out.push(...ntkSection(input.ntk), '');
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

const hours = (seconds: number) =>
  seconds >= 172_800
    ? `${(seconds / 86_400).toFixed(1)} days`
    : seconds >= 7_200
      ? `${(seconds / 3_600).toFixed(1)} h`
      : `${(seconds / 60).toFixed(0)} min`;

/** Wall clock and throughput of the run per engine, and what the whole space would take. */
function runSection(input: SectionInput): string[] {
  const network = (c: Record<string, unknown>) =>
    `stem ${c.stemChannels}${c.stemChannels === 128 ? ' (full width)' : ''}`;
  const rows = input.runs
    .filter((r) => r.timed > 0)
    .map((r) => {
      const perHour = (3_600 * r.timed) / r.activeSeconds;
      return [
        `${r.name} (this run)`,
        r.engine,
        network(r.config),
        `${r.config.nTrain}/${r.config.nVal} ×${r.config.ensemble}`,
        String(r.timed),
        hours(r.activeSeconds),
        perHour.toFixed(0),
        hours((SEARCH_SPACE_MODULES / perHour) * 3_600),
      ];
    });
  for (const g of input.gpuChecks) {
    const timings: [string, number | null][] = [
      ['100/200 ×2', g.notebookSeconds],
      ['500/200 ×4', g.fullSeconds],
    ];
    for (const [configuration, seconds] of timings) {
      if (seconds === null || !Number.isFinite(seconds)) continue;
      rows.push([
        `GPU check ${g.file}`,
        `tfjs (${g.backend})`,
        network({ stemChannels: 128 }),
        configuration,
        '1 (Inception-like cell)',
        `${seconds.toFixed(1)} s`,
        (3_600 / seconds).toFixed(0),
        hours(SEARCH_SPACE_MODULES * seconds),
      ]);
    }
  }
  return [
    '#### The run: wall clock, throughput and the whole space',
    '',
    `Active wall clock is the time between consecutive results of the experiment's largest configuration, pauses of over 5 minutes left out; the last column is ${SEARCH_SPACE_MODULES.toLocaleString('en-US')} modules at that throughput. The GPU checks time one cell at full width (\`bash .gpu/run.sh\`, files in docs/benchmarks: the wasm file is this 2-core machine kind, the webgpu file one NVIDIA H200).`,
    '',
    markdownTable(
      [
        'run',
        'engine',
        'network',
        'configuration',
        'modules timed',
        'active wall clock',
        'modules per hour',
        `all ${SEARCH_SPACE_MODULES.toLocaleString('en-US')} modules`,
      ],
      rows,
    ),
  ];
}

const tauOf = (p: PredictorComparison | undefined) => p?.kendallTau ?? null;
const overlaps = (a: PredictorComparison, b: PredictorComparison) => {
  const [x, y] = [a.kendallTauInterval, b.kendallTauInterval];
  return x !== null && y !== null && x.low <= y.high && y.low <= x.high;
};

/** Each of the paper's claims checked against these data: holds or not, with the numbers. */
function claims(input: SectionInput, all: Comparison): string[] {
  const out = ["#### The paper's claims on these data", ''];
  const nngp = all.predictors
    .filter((p) => p.kind === 'nngp' && p.kendallTau !== null)
    .sort((a, b) => (b.kendallTau ?? 0) - (a.kendallTau ?? 0))[0];
  const by = (name: RegExp) => all.predictors.find((p) => name.test(p.name));
  const [e4, e12] = [by(/^epochs 4 /), by(/^epochs 12 /)];
  if (nngp && e4 && e12) {
    const against = (other: PredictorComparison) => {
      const ratio =
        nngp.costPflops && other.costPflops ? other.costPflops / nngp.costPflops : Number.NaN;
      const beats = (nngp.kendallTau ?? 0) >= (other.kendallTau ?? 0);
      // Within the bootstrap intervals of each other a higher point estimate is no win.
      const verdict = overlaps(nngp, other)
        ? 'matches (the 95 % intervals overlap)'
        : beats
          ? 'beats'
          : 'falls short of';
      return {
        ok: beats || overlaps(nngp, other),
        cheap: ratio >= 10,
        text: `${verdict} ${other.name} (τ ${num(tauOf(nngp))} against ${num(tauOf(other))}) at 1/${ratio.toFixed(0)} of its cost`,
      };
    };
    const [a, b] = [against(e4), against(e12)];
    const holds = a.ok && b.ok && a.cheap && b.cheap;
    out.push(
      `- **NNGP matches or beats 4- and 12-epoch training at an order of magnitude less compute: ${holds ? 'holds' : a.ok && a.cheap ? 'holds against 4 epochs only' : 'does not hold'}.** ${nngp.name} ${a.text}, and ${b.text}.${holds ? '' : ' Kernels here are estimated at reduced width on few images; the width table shows how full width moves the signal.'}`,
    );
  }
  const reduction = input.figures.searchSpaceReduction;
  const row = (epochs: number, screening: string, keep: number | null) =>
    reduction.find(
      (r) =>
        r.epochs === epochs && r.screening.toLowerCase() === screening && r.keepPercent === keep,
    );
  const [none, screened, random] = [
    row(12, 'none', null),
    row(12, 'nngp', 10),
    row(12, 'random', 10),
  ];
  if (none && screened && random) {
    const se = (none.discovered.standardError ?? 0) + (screened.discovered.standardError ?? 0);
    const kept = none.discovered.mean - screened.discovered.mean <= se;
    const better = screened.discovered.mean > random.discovered.mean;
    out.push(
      `- **Thresholding by NNGP shrinks the space without losing the best networks: ${kept && better ? 'holds' : 'does not hold'}.** Training only the NNGP top 10 % for 12 epochs discovers ${discovered(screened.discovered)} against ${discovered(none.discovered)} training all (${kept ? 'within one standard error' : 'lower by more than one standard error'}) and ${discovered(random.discovered)} for a random 10 %, at ${cost(screened.costPflops)} instead of ${cost(none.costPflops)} PFLOPs.`,
    );
  }
  const hybrid = input.figures.hybrid.metrics;
  if (hybrid && e4) {
    const better = (hybrid.kendallTau ?? 0) > (e4.kendallTau ?? 0);
    out.push(
      `- **The hybrid of 4-epoch training and NNGP improves on 4-epoch training: ${better ? 'holds' : 'does not hold'}.** τ ${num(hybrid.kendallTau)} against ${num(e4.kendallTau)} (r ${num(hybrid.pearson)} against ${num(e4.pearson)}), for ${cost(hybrid.costPflops)} against ${cost(e4.costPflops)} PFLOPs.`,
    );
  }
  const bias = input.figures.residualBias;
  const few = bias.filter((r) => r.residualConnections <= 2);
  const meanOf = (name: string) => {
    const n = few.reduce((sum, r) => sum + r.architectures, 0);
    return n === 0
      ? null
      : few.reduce(
          (sum, r) =>
            sum +
            r.architectures *
              (r.percentiles.find((p) => p.predictor === name)?.meanPercentile ?? 0),
          0,
        ) / n;
  };
  const names = bias[0]?.percentiles.map((p) => p.predictor) ?? [];
  const truth = names.find((n) => /ground truth/.test(n));
  const nngpName = names.find((n) => /^NNGP/.test(n));
  const e4Name = names.find((n) => /^epochs 4 /.test(n));
  if (truth && nngpName && few.length > 0) {
    const [t, g] = [meanOf(truth), meanOf(nngpName)];
    const e = e4Name ? meanOf(e4Name) : null;
    const n = few.reduce((sum, r) => sum + r.architectures, 0);
    out.push(
      `- **NNGP is biased against networks with few residual connections: ${g !== null && t !== null && g < t - 2 ? 'holds' : 'does not hold'} on these data.** The ${n} modules with 0–2 residual connections sit at a mean percentile of ${num(g, 1)} by ${nngpName}, ${num(t, 1)} by ground truth${e === null ? '' : ` and ${num(e, 1)} by 4-epoch training`}${n < 50 ? `; with ${n} such modules this is a weak test` : ''} (a gap under 2 percentile points is read as no bias).`,
    );
  }
  const width = input.width;
  if (width) {
    const full = width.predictors.find((p) => /^NNGP stem 128/.test(p.name));
    const reduced = width.predictors.find((p) => /^NNGP stem 16 100\/200 ×2/.test(p.name));
    if (full && reduced)
      out.push(
        `- **Width (the paper estimates at full width):** on the same ${width.architectures} modules at 100/200 ×2, stem 128 gives τ ${interval(full.kendallTau, full.kendallTauInterval)} and stem 16 gives ${interval(reduced.kendallTau, reduced.kendallTauInterval)}${overlaps(full, reduced) ? ' (the intervals overlap)' : ''}.`,
      );
  }
  return out;
}

/**
 * The NTK against the NNGP on the same modules, data and initialisations (paper §4.1: the NTK's
 * peak τ below the NNGP's at equal data sizes, at a higher cost), with the verdict on these data.
 * Predictor names pair up as 'NTK …' and 'NNGP …' with the same configuration after the kernel.
 */
export function ntkSection(ntk: Comparison): string[] {
  const kernelOf = (p: PredictorComparison) => /^(NTK|NNGP) (.*)$/.exec(p.name);
  const pairs = ntk.predictors
    .filter((p) => kernelOf(p)?.[1] === 'NTK')
    .map((t) => {
      const config = kernelOf(t)?.[2];
      return { ntk: t, nngp: ntk.predictors.find((p) => p.name === `NNGP ${config}`) };
    })
    .filter((p): p is { ntk: PredictorComparison; nngp: PredictorComparison } => !!p.nngp);
  const best = (ps: PredictorComparison[]) =>
    ps.reduce<PredictorComparison | undefined>(
      (b, p) =>
        tauOf(p) !== null && (b === undefined || (tauOf(p) as number) > (tauOf(b) as number))
          ? p
          : b,
      undefined,
    );
  const bestNtk = best(pairs.map((p) => p.ntk));
  const bestNngp = best(pairs.map((p) => p.nngp));
  const below = pairs.filter((p) => (tauOf(p.ntk) ?? 0) < (tauOf(p.nngp) ?? 0)).length;
  const ratios = pairs
    .map((p) => (p.ntk.costPflops ?? 0) / (p.nngp.costPflops ?? 1))
    .filter((r) => Number.isFinite(r) && r > 0);
  const ratio = ratios.length > 0 ? ratios.reduce((a, b) => a + b, 0) / ratios.length : null;
  const lines = [
    `#### Empirical NTK against NNGP (paper §4.1) on the same ${ntk.architectures} modules`,
    '',
    'Both kernels of each module come from the same images and the same initialisations (the NTK with the dense head, its logits summed), and go through the same inference.',
    '',
    predictorTable(ntk),
    '',
  ];
  if (bestNtk && bestNngp) {
    const holds = (tauOf(bestNtk) as number) < (tauOf(bestNngp) as number) && (ratio ?? 0) > 1;
    lines.push(
      `- **The NTK's peak τ is below the NNGP's at equal data sizes, at a higher cost: ${holds ? 'holds' : 'does not hold'}.** Peak τ: ${bestNtk.name} ${interval(bestNtk.kendallTau, bestNtk.kendallTauInterval)} against ${bestNngp.name} ${interval(bestNngp.kendallTau, bestNngp.kendallTauInterval)}${overlaps(bestNtk, bestNngp) ? ' (the intervals overlap)' : ''}; the NTK is below the NNGP in ${below} of ${pairs.length} configurations, at ${num(ratio, 0)}× the NNGP's cost on average (its gradient products grow with the parameter count, the NNGP's with the 512 features).`,
    );
  }
  return lines;
}
