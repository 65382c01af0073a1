import { ListFilter, Sparkles } from 'lucide-react';
import { Link } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Tabs } from '@/components/ui/tabs';
import { registerPath } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { JobFeed } from './job-feed';
import { RecommendedJobs } from './recommended-jobs';
import { SmartSearch } from './smart-search';

type Mode = 'browse' | 'smart';

/**
 * The seeker's home: browse the feed, or describe a job for a smart (hybrid) search. Visitors without an account
 * browse and search too; in place of the recommendations (made from a resume) they are invited to sign up.
 */
export function JobsPage() {
  const { status } = useAuth();
  const [searchParams, updateSearchParams] = useSearchParamState();
  const mode: Mode = searchParams.get('mode') === 'smart' ? 'smart' : 'browse';

  return (
    <ContentLayout title="Jobs" description="Internships and early-career roles, with interview prep for every one.">
      <div className="mb-6 empty:hidden">{status === 'authenticated' ? <RecommendedJobs /> : <SignUpForRecommendations />}</div>
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

function SignUpForRecommendations() {
  return (
    <aside
      aria-label="Recommendations"
      className="flex flex-wrap items-center gap-3 rounded-2xl bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-indigo-100 ring-inset"
    >
      <Sparkles aria-hidden="true" className="size-5 shrink-0 text-indigo-600" />
      <p className="min-w-0 flex-1">Sign up and add your resume: we'll pick out the jobs that fit you and score your fit for each.</p>
      <Link
        to={registerPath('seeker')}
        className="rounded-lg font-semibold text-indigo-700 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Create a free account
      </Link>
    </aside>
  );
}
