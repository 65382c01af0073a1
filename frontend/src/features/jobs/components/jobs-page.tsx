import { ListFilter, Sparkles } from 'lucide-react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Tabs } from '@/components/ui/tabs';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { JobFeed } from './job-feed';
import { RecommendedJobs } from './recommended-jobs';
import { SmartSearch } from './smart-search';

type Mode = 'browse' | 'smart';

/** The seeker's home: browse the feed, or describe a job for a smart (hybrid) search. */
export function JobsPage() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const mode: Mode = searchParams.get('mode') === 'smart' ? 'smart' : 'browse';

  return (
    <ContentLayout title="Jobs" description="Internships and early-career roles, with interview prep for every one.">
      <div className="mb-6 empty:hidden">
        <RecommendedJobs />
      </div>
      <Tabs
        label="How to find jobs"
        selectedId={mode}
        onSelect={(id) => updateSearchParams({ mode: id === 'smart' ? 'smart' : null })}
        tabs={[
          {
            id: 'browse',
            label: (
              <span className="inline-flex items-center gap-2">
                <ListFilter aria-hidden="true" className="size-4" />
                Browse
              </span>
            ),
            content: <JobFeed />,
          },
          {
            id: 'smart',
            label: (
              <span className="inline-flex items-center gap-2">
                <Sparkles aria-hidden="true" className="size-4" />
                Smart search
              </span>
            ),
            content: <SmartSearch />,
          },
        ]}
      />
    </ContentLayout>
  );
}
