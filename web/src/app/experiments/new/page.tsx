import { CreateExperimentForm } from '../../../components/experiment/CreateExperimentForm.tsx';
import { EmptyState } from '../../../components/figures/EmptyState.tsx';
import { FilterPanel } from '../../../components/filters/FilterPanel.tsx';
import { loadCounts } from '../../../lib/api/index.ts';
import {
  describeFilter,
  parseFilter,
  type SearchParamsInput,
  serializeFilter,
} from '../../../lib/filters/index.ts';
import { settle } from '../../../lib/settle.ts';

/**
 * A new NNGP experiment over the architectures the URL filter selects: create it, queue its
 * first architectures, and follow it on its page.
 */
export default async function NewExperimentPage(props: {
  searchParams: Promise<SearchParamsInput>;
}) {
  const { filter, problems } = parseFilter(await props.searchParams);
  const counts = await settle(loadCounts(filter));
  return (
    <>
      <h1>New experiment</h1>
      <p className="lead">
        Creates an NNGP experiment and queues the architectures the filter selects; workers then
        evaluate them (<code>pnpm start</code> and <code>pnpm api</code> run one,{' '}
        <code>pnpm worker</code> adds more). Needs the API token (<code>NNGP_API_TOKEN</code>).
      </p>
      <FilterPanel pathname="/experiments/new" filter={filter} problems={problems} />
      {filter.space === 'MNAS' ? (
        // createExperiment makes NAS-Bench-101 experiments; MNAS ones need the image folder and
        // are made by the CLI, which also evaluates them.
        <EmptyState>
          MNAS experiments are created and evaluated from the command line:{' '}
          <code>pnpm nngp mnas evaluate --experiment NAME …</code>, then{' '}
          <code>pnpm nngp mnas import --measurements FILE</code> for Fig. 7.
        </EmptyState>
      ) : (
        <CreateExperimentForm
          filterQuery={serializeFilter(filter).toString()}
          filterText={describeFilter(filter)}
          selected={counts.ok ? counts.value : null}
        />
      )}
    </>
  );
}
