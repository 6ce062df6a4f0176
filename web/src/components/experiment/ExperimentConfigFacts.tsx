import type { ExperimentSummary } from '../../lib/api/index.ts';
import { formatCount } from '../../lib/charts/format.ts';
import { spaceLabel } from '../../lib/filters/index.ts';
import { experimentConfigs, nngpLabel } from '../../lib/predictors.ts';

/**
 * How the experiment's kernels were estimated, and what it holds.
 *
 * @example <ExperimentConfigFacts experiment={experiment} />
 */
export function ExperimentConfigFacts(props: { experiment: ExperimentSummary }) {
  const { experiment } = props;
  const c = experiment.config;
  return (
    <dl className="facts" data-testid="experiment-config">
      <dt>Search space</dt>
      <dd data-testid="experiment-space">{spaceLabel(c.space)}</dd>
      {c.space === 'MNAS' ? (
        <>
          <dt>Images</dt>
          <dd>
            <code>{c.images ?? '—'}</code>, labels {c.labels ?? '—'}, {c.resolution ?? '—'} px
            centre crop
          </dd>
        </>
      ) : null}
      <dt>Training / validation images</dt>
      <dd>
        {formatCount(c.nTrain)} / {formatCount(c.nVal)} ({c.dataset})
      </dd>
      <dt>Ensemble (initialisations)</dt>
      <dd>{c.ensemble}</dd>
      <dt>Configurations</dt>
      <dd>
        {experimentConfigs(experiment)
          .map((config) => nngpLabel(config))
          .join(', ')}
      </dd>
      <dt>Network</dt>
      <dd>
        {c.stacks} stacks × {c.modulesPerStack} modules, {c.stemChannels} stem channels, BN batch{' '}
        {c.bnBatchSize}, seed {c.seed}
      </dd>
      <dt>Engine</dt>
      <dd data-testid="experiment-engine">
        {c.engine ?? 'the default of each worker'}
        {experiment.engine
          ? ` (latest result: ${experiment.engine} on ${experiment.backend ?? '—'})`
          : ''}
      </dd>
      <dt>Kernels kept</dt>
      <dd>
        {experiment.retention}, {experiment.precision}
      </dd>
      <dt>Results</dt>
      <dd>
        {formatCount(experiment.resultCount)} ({formatCount(experiment.architectureCount)}{' '}
        architectures)
      </dd>
      <dt>Created</dt>
      <dd>{new Date(experiment.createdAt).toISOString().replace('T', ' ').slice(0, 16)} UTC</dd>
      {experiment.cancelledAt ? (
        <>
          <dt>Cancelled</dt>
          <dd>{experiment.cancelledAt}</dd>
        </>
      ) : null}
    </dl>
  );
}
