import { Download, SquareKanban, RefreshCw } from 'lucide-react';
import { Link } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { SelectField } from '@/components/ui/select-field';
import { FullPageSpinner } from '@/components/ui/spinner';
import { Tabs } from '@/components/ui/tabs';
import { paths } from '@/config/paths';
import { applicationStages, type ApplicationStage } from '@/lib/applications';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { useApplications, useApplicationsLiveUpdates, useExportCsv } from '../api/applications';
import { ApplicationBoard } from './application-board';
import { ApplicationList } from './application-list';

const stageFilterOptions = [{ value: '', label: 'All stages' }, ...applicationStages];

function stageParam(value: string | null): ApplicationStage | null {
  return applicationStages.some((s) => s.value === value) ? (value as ApplicationStage) : null;
}

/** /applications: the seeker's saved jobs and applications, as a board or a list, filtered by stage and exportable. */
export function ApplicationsPage() {
  const [params, update] = useSearchParamState();
  const stage = stageParam(params.get('stage'));
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const applications = useApplications(stage);
  const exportCsv = useExportCsv();
  useApplicationsLiveUpdates();

  const items = applications.data;
  const isEmpty = items?.length === 0;

  return (
    <ContentLayout title="My applications" description="Jobs you saved and applied to, and where each one stands.">
      <div className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <SelectField
            label="Stage"
            className="w-full sm:w-56"
            value={stage ?? ''}
            onChange={(event) => update({ stage: event.target.value })}
            options={stageFilterOptions}
          />
          <Button variant="secondary" onClick={() => exportCsv.mutate(undefined)} isLoading={exportCsv.isPending}>
            <Download aria-hidden="true" className="size-4" />
            Export CSV
          </Button>
        </div>
        {exportCsv.error && <Alert tone="error">We couldn't export your applications. {exportCsv.error.message}</Alert>}

        {applications.isPending && <FullPageSpinner label="Loading your applications" />}
        {applications.error && (
          <div className="flex flex-wrap items-center gap-3">
            <Alert tone="error" className="flex-1">We couldn't load your applications. {applications.error.message}</Alert>
            <Button variant="secondary" onClick={() => void applications.refetch()}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Try again
            </Button>
          </div>
        )}

        {isEmpty && !stage && (
          <EmptyState
            icon={SquareKanban}
            title="Nothing tracked yet"
            action={
              <Link to={paths.seeker.jobs} className="font-semibold text-indigo-700 underline hover:no-underline">
                Find jobs
              </Link>
            }
          >
            On a job, choose “Save” to keep it here, or “I applied” once you have applied on the company's site.
          </EmptyState>
        )}
        {isEmpty && stage && (
          <EmptyState icon={SquareKanban} title="No applications at this stage">
            Choose “All stages” to see the others.
          </EmptyState>
        )}

        {items && items.length > 0 && (
          <Tabs
            label="Show applications as"
            selectedId={view}
            onSelect={(id) => update({ view: id === 'list' ? 'list' : null })}
            tabs={[
              { id: 'board', label: 'Board', content: <ApplicationBoard applications={items} stage={stage} /> },
              { id: 'list', label: 'List', content: <ApplicationList applications={items} /> },
            ]}
          />
        )}
      </div>
    </ContentLayout>
  );
}
