/**
 * The new-experiment form's pure logic: reading and validating the fields into the
 * `createExperiment` input, the selection's GraphQL filter, and the cost estimate shown before
 * launch. Shared by the page (server), the form (client) and the server action.
 */
import type { ArchitectureFilterInput } from './api/types.ts';
import { type DashboardFilter, toArchitectureFilter } from './filters/index.ts';

/** Engines a worker can run (compute's `--engine`); onnx is compute's default. */
export const ENGINES = ['onnx', 'tfjs'] as const;
export type Engine = (typeof ENGINES)[number];

/** At most this many architectures per enqueue (the API's cap). */
export const MAX_LIMIT = 50_000;

/** One NNGP configuration (training images, validation images, ensemble). */
export interface ConfigShape {
  nTrain: number;
  nVal: number;
  ensemble: number;
}

/** The validated form: what `createExperiment` and `enqueueEvaluations` are sent. */
export interface ExperimentFormValues extends ConfigShape {
  name: string;
  engine: Engine;
  stemChannels: number;
  stacks: number;
  modulesPerStack: number;
  /** Derived smaller configurations (from the stored kernels). */
  configs: ConfigShape[];
  limit: number;
  groundTruthOnly: boolean;
}

/** One unreadable field, named as the form names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The form's defaults (`nngp evaluate`'s, with a small first batch). */
export const FORM_DEFAULTS = {
  nTrain: 1000,
  nVal: 1000,
  ensemble: 1,
  stemChannels: 128,
  stacks: 3,
  modulesPerStack: 3,
  limit: 100,
} as const;

type FieldReader = (name: string) => string | null;

/**
 * Reads and validates the form's fields (a FormData's `get`, or any name → text reader). Every
 * problem is reported, each naming its field.
 *
 * @example parseExperimentForm((name) => form.get(name) as string | null)
 */
export function parseExperimentForm(
  read: FieldReader,
): { ok: true; values: ExperimentFormValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const text = (name: string) => (read(name) ?? '').trim();
  const whole = (name: string, label: string, min: number, max: number): number => {
    const raw = text(name);
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({
        field: name,
        message: `${label} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got ${JSON.stringify(raw)}`,
      });
      return min;
    }
    return value;
  };
  const name = text('name');
  if (name === '') problems.push({ field: 'name', message: 'name is required' });
  else if (name.length > 200)
    problems.push({ field: 'name', message: 'name is over 200 characters' });
  const nTrain = whole('nTrain', 'training images', 1, 50_000);
  const nVal = whole('nVal', 'validation images', 1, 10_000);
  const ensemble = whole('ensemble', 'ensemble', 1, 64);
  const stemChannels = whole('stemChannels', 'stem channels', 1, 512);
  const stacks = whole('stacks', 'stacks', 1, 3);
  const modulesPerStack = whole('modulesPerStack', 'modules per stack', 1, 3);
  const limit = whole('limit', 'limit', 1, MAX_LIMIT);
  const engineText = text('engine') || 'onnx';
  const engine = (ENGINES as readonly string[]).includes(engineText)
    ? (engineText as Engine)
    : null;
  if (engine === null) {
    problems.push({
      field: 'engine',
      message: `engine must be onnx or tfjs, got ${JSON.stringify(engineText)}`,
    });
  }
  const derived = parseConfigList(text('configs'));
  if (!derived.ok) problems.push({ field: 'configs', message: derived.message });
  else {
    for (const config of derived.configs) {
      if (config.nTrain > nTrain || config.nVal > nVal || config.ensemble > ensemble) {
        problems.push({
          field: 'configs',
          message: `derived configuration ${formatConfig(config)} is larger than ${formatConfig({ nTrain, nVal, ensemble })}`,
        });
      }
    }
  }
  const groundTruthOnly = ['on', 'true', '1'].includes(text('groundTruthOnly'));
  if (problems.length > 0 || engine === null || !derived.ok) return { ok: false, problems };
  return {
    ok: true,
    values: {
      name,
      nTrain,
      nVal,
      ensemble,
      engine,
      stemChannels,
      stacks,
      modulesPerStack,
      configs: derived.configs,
      limit,
      groundTruthOnly,
    },
  };
}

/**
 * Reads derived configurations written `nTrain/nVal/ensemble`, separated by commas or spaces
 * (empty: none).
 *
 * @example parseConfigList('100/200/1, 500/500/2') // { ok: true, configs: [{ nTrain: 100, nVal: 200, ensemble: 1 }, …] }
 */
export function parseConfigList(
  text: string,
): { ok: true; configs: ConfigShape[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  const configs: ConfigShape[] = [];
  for (const part of parts) {
    const match = /^(\d+)\/(\d+)\/(\d+)$/.exec(part);
    const numbers = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
    const [nTrain = 0, nVal = 0, ensemble = 0] = numbers;
    if (!match || nTrain < 1 || nVal < 1 || ensemble < 1) {
      return {
        ok: false,
        message: `derived configurations are nTrain/nVal/ensemble (whole numbers ≥ 1), e.g. 100/200/1; got ${JSON.stringify(part)}`,
      };
    }
    configs.push({ nTrain, nVal, ensemble });
  }
  return { ok: true, configs };
}

/**
 * A configuration as the form writes it.
 *
 * @example formatConfig({ nTrain: 100, nVal: 200, ensemble: 1 }) // '100/200/1'
 */
export function formatConfig(config: ConfigShape): string {
  return `${config.nTrain}/${config.nVal}/${config.ensemble}`;
}

/**
 * The GraphQL filter of the architectures a new experiment evaluates: the dashboard filter
 * (an experiment in it selects that experiment's architectures), with ground truth if asked.
 *
 * @example selectionFilter({ ...EMPTY_FILTER, residual: { min: 0, max: 2 } }, true) // { space: 'NASBENCH_101', residualConnections: { min: 0, max: 2 }, hasGroundTruth: true }
 */
export function selectionFilter(
  filter: DashboardFilter,
  groundTruthOnly: boolean,
): ArchitectureFilterInput {
  return toArchitectureFilter(filter, groundTruthOnly ? { hasGroundTruth: true } : {});
}

/**
 * Measured seconds per architecture at 100/200 images, ensemble 2 (README, Engines: 2-core CPU,
 * one process / two wasm workers), at full width (stem 128) and at stem 16.
 */
export const MEASURED_SECONDS = {
  onnx: { stem128: 7.1, stem16: 0.59 },
  tfjs: { stem128: 39.9, stem16: 2.3 },
} as const;
const MEASURED_IMAGES = (100 + 200) * 2;

/** What launching the experiment will cost, as the form shows it before launch. */
export interface CostEstimate {
  /** Architectures that will be queued: the selection, capped by the limit. */
  architectures: number;
  /** Image forward passes: architectures × (nTrain + nVal) × ensemble. */
  forwardPasses: number;
  /** Rough seconds on one 2-core CPU worker (scaled from the README's measurements). */
  seconds: number;
}

/**
 * An honest rough estimate: forward passes are exact counts; the time scales the README's
 * measured seconds per architecture linearly in images × ensemble and, between the two measured
 * widths, as a power of the stem width (extrapolated outside 16–128).
 *
 * @example estimateCost({ nTrain: 100, nVal: 200, ensemble: 2, stemChannels: 128, engine: 'onnx' }, 10).seconds // 71
 */
export function estimateCost(
  config: ConfigShape & { stemChannels: number; engine: Engine },
  selected: number,
  limit = Number.POSITIVE_INFINITY,
): CostEstimate {
  const architectures = Math.max(0, Math.min(selected, limit));
  const images = (config.nTrain + config.nVal) * config.ensemble;
  const { stem128, stem16 } = MEASURED_SECONDS[config.engine];
  const exponent = Math.log(stem128 / stem16) / Math.log(128 / 16);
  const perArchitecture =
    stem128 * (config.stemChannels / 128) ** exponent * (images / MEASURED_IMAGES);
  return {
    architectures,
    forwardPasses: architectures * images,
    seconds: architectures * perArchitecture,
  };
}

/**
 * An estimated duration in words: seconds below 90 s, else minutes / hours / days.
 *
 * @example formatEstimate(42.4) // '42 s'
 */
export function formatEstimate(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = seconds / 3600;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}
