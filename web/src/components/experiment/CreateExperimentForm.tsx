'use client';

import { useActionState, useState } from 'react';
import {
  type CreateExperimentState,
  createExperimentAction,
} from '../../app/experiments/new/actions.ts';
import {
  ENGINES,
  type Engine,
  estimateCost,
  FORM_DEFAULTS,
  formatEstimate,
  MAX_LIMIT,
} from '../../lib/experiment-form.ts';

const count = new Intl.NumberFormat('en-US');

/**
 * The new-experiment form: name, configuration (images, ensemble, derived smaller
 * configurations), engine, network width, the selection (the URL filter, with ground truth by
 * default) and a limit, with the selection's size and an estimate of the cost before launch.
 * Submitting creates the experiment and queues the selection (server action, API token).
 *
 * @example <CreateExperimentForm filterQuery="residual=0-2" filterText="residual connections 0–2" selected={{ all: 100, withGroundTruth: 40 }} />
 */
export function CreateExperimentForm(props: {
  filterQuery: string;
  filterText: string;
  /** Architectures the filter selects, and those of them with ground truth; null if unknown. */
  selected: { all: number; withGroundTruth: number } | null;
}) {
  const [state, action, pending] = useActionState<CreateExperimentState | null, FormData>(
    createExperimentAction,
    null,
  );
  // Controlled fields: React resets uncontrolled ones after each submit, losing a refused form.
  const [settings, setSettings] = useState({
    name: '',
    configs: '',
    stacks: String(FORM_DEFAULTS.stacks),
    modulesPerStack: String(FORM_DEFAULTS.modulesPerStack),
    nTrain: String(FORM_DEFAULTS.nTrain),
    nVal: String(FORM_DEFAULTS.nVal),
    ensemble: String(FORM_DEFAULTS.ensemble),
    stemChannels: String(FORM_DEFAULTS.stemChannels),
    limit: String(FORM_DEFAULTS.limit),
    engine: 'onnx' as Engine,
    groundTruthOnly: true,
  });
  const set = (name: keyof typeof settings) => (value: string | boolean) =>
    setSettings((previous) => ({ ...previous, [name]: value }));
  const selected =
    props.selected === null
      ? null
      : settings.groundTruthOnly
        ? props.selected.withGroundTruth
        : props.selected.all;
  const numbers = {
    nTrain: Number(settings.nTrain),
    nVal: Number(settings.nVal),
    ensemble: Number(settings.ensemble),
    stemChannels: Number(settings.stemChannels),
    limit: Number(settings.limit),
  };
  const readable = Object.values(numbers).every((value) => Number.isInteger(value) && value > 0);
  const estimate =
    selected !== null && readable
      ? estimateCost({ ...numbers, engine: settings.engine }, selected, numbers.limit)
      : null;
  const invalid = new Set(state?.fields ?? []);
  const field = (name: string) => (invalid.has(name) ? { 'aria-invalid': true as const } : {});
  return (
    <form className="experiment-form panel" data-testid="create-experiment-form" action={action}>
      <input type="hidden" name="filter" value={props.filterQuery} />
      <fieldset>
        <legend>Experiment</legend>
        <label>
          Name
          <input
            name="name"
            required
            maxLength={200}
            placeholder="e.g. cluster0-100x200"
            value={settings.name}
            onChange={(event) => set('name')(event.target.value)}
            {...field('name')}
          />
        </label>
        <label>
          Engine
          <select
            name="engine"
            value={settings.engine}
            onChange={(event) => set('engine')(event.target.value)}
          >
            {ENGINES.map((engine) => (
              <option key={engine} value={engine}>
                {engine === 'onnx' ? 'onnx (ONNX Runtime, default)' : 'tfjs'}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Configuration</legend>
        <NumberField
          name="nTrain"
          label="Training images"
          value={settings.nTrain}
          onChange={set('nTrain')}
          invalid={invalid.has('nTrain')}
        />
        <NumberField
          name="nVal"
          label="Validation images"
          value={settings.nVal}
          onChange={set('nVal')}
          invalid={invalid.has('nVal')}
        />
        <NumberField
          name="ensemble"
          label="Ensemble"
          value={settings.ensemble}
          onChange={set('ensemble')}
          invalid={invalid.has('ensemble')}
        />
        <label>
          Derived configurations
          <input
            name="configs"
            placeholder="e.g. 100/200/1, 500/500/1"
            value={settings.configs}
            onChange={(event) => set('configs')(event.target.value)}
            {...field('configs')}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Network</legend>
        <NumberField
          name="stemChannels"
          label="Stem channels (width)"
          value={settings.stemChannels}
          onChange={set('stemChannels')}
          invalid={invalid.has('stemChannels')}
        />
        <NumberField
          name="stacks"
          label="Stacks"
          value={settings.stacks}
          onChange={set('stacks')}
          invalid={invalid.has('stacks')}
          max={3}
        />
        <NumberField
          name="modulesPerStack"
          label="Modules per stack"
          value={settings.modulesPerStack}
          onChange={set('modulesPerStack')}
          invalid={invalid.has('modulesPerStack')}
          max={3}
        />
      </fieldset>
      <fieldset>
        <legend>Selection</legend>
        <p className="muted" data-testid="selection-filter">
          Architectures matching the filter: {props.filterText}.
        </p>
        <label className="checkbox">
          <input
            name="groundTruthOnly"
            type="checkbox"
            checked={settings.groundTruthOnly}
            onChange={(event) => set('groundTruthOnly')(event.target.checked)}
          />
          only those with ground truth
        </label>
        <p data-testid="selection-count">
          {selected === null
            ? 'The number of selected architectures is unavailable (is the API running?).'
            : `${count.format(selected)} architectures selected.`}
        </p>
        <NumberField
          name="limit"
          label={`Limit (at most ${count.format(MAX_LIMIT)})`}
          value={settings.limit}
          onChange={set('limit')}
          invalid={invalid.has('limit')}
          max={MAX_LIMIT}
        />
      </fieldset>
      <p className="estimate" data-testid="cost-estimate">
        {estimate === null
          ? 'Estimate: unavailable until the fields and the selection are known.'
          : `Estimate: ${count.format(estimate.architectures)} architectures, ${count.format(estimate.forwardPasses)} image forward passes (images × ensemble per architecture), roughly ${formatEstimate(estimate.seconds)} on one 2-core CPU worker (${settings.engine}).`}
      </p>
      <p className="muted">
        The time is a rough estimate scaled from the README&apos;s measured seconds per architecture
        (100/200 images, ensemble 2, stem 16 and 128, 2-core CPU); cells, load, more workers and
        GPUs change it.
      </p>
      <fieldset>
        <legend>Launch</legend>
        <label>
          API token
          <input name="token" type="password" autoComplete="off" />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create and queue'}
        </button>
      </fieldset>
      {state ? (
        <p className="state state-error" role="alert" data-testid="create-experiment-result">
          {state.message}
          {state.experiment ? (
            <>
              {' '}
              <a href={`/experiments/${state.experiment}`}>Open experiment {state.experiment}</a>
            </>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}

function NumberField(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  max?: number;
}) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        type="number"
        min={1}
        max={props.max}
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.invalid || undefined}
      />
    </label>
  );
}
