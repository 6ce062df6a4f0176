'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import type { FormEvent } from 'react';
import {
  FILTER_PARAMS,
  type FilterParam,
  filterHref,
  otherParams,
  parseFilter,
} from '../../lib/filters/index.ts';

interface Option {
  value: string;
  label: string;
}

/**
 * The filter form: size clusters, residual range, parameter range, experiment; the search space
 * rides along in a hidden field (the SpaceSelector changes it). Submitting navigates to the same
 * page with the filter in the URL (and other parameters such as the table's sort kept); without
 * JavaScript it is a plain GET form.
 *
 * @example <FilterBar pathname="/metrics" values={{ space: '', sizeClusters: '0', residual: '', params: '', experiment: '' }} experiments={[]} clusters={[]} />
 */
export function FilterBar(props: {
  pathname: string;
  values: Record<FilterParam, string>;
  experiments: Option[];
  clusters: Option[];
}) {
  const router = useRouter();
  const searchParams = useSearchParams();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const entered = new URLSearchParams();
    for (const name of FILTER_PARAMS) {
      const value = String(form.get(name) ?? '').trim();
      if (value !== '') entered.set(name, value);
    }
    // Unreadable entries are kept verbatim so the page can say what is wrong with them.
    const { filter, problems } = parseFilter(entered);
    const extra: Record<string, string | null> = {
      ...otherParams(new URLSearchParams(searchParams)),
    };
    for (const problem of problems) extra[problem.param] = problem.value;
    router.push(filterHref(props.pathname, filter, extra));
  };

  const clusterHint = props.clusters.map((c) => `${c.value}: ${c.label}`).join(', ');
  return (
    <form
      className="filter-bar"
      data-testid="filter-bar"
      method="get"
      action={props.pathname}
      onSubmit={submit}
    >
      {props.values.space === '' ? null : (
        <input type="hidden" name="space" value={props.values.space} />
      )}
      <label>
        Size clusters
        <input
          name="sizeClusters"
          defaultValue={props.values.sizeClusters}
          placeholder="e.g. 0,1"
          title={clusterHint === '' ? 'Comma-separated cluster ids' : clusterHint}
        />
      </label>
      <label>
        Residual connections
        <input name="residual" defaultValue={props.values.residual} placeholder="e.g. 0-2" />
      </label>
      <label>
        Parameters
        <input
          name="params"
          defaultValue={props.values.params}
          placeholder="e.g. 1000000-5000000"
        />
      </label>
      <label>
        Experiment
        <input
          name="experiment"
          list="experiment-options"
          defaultValue={props.values.experiment}
          placeholder={props.experiments.length === 0 ? 'none yet' : 'id, e.g. 1'}
        />
        <datalist id="experiment-options">
          {props.experiments.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}
