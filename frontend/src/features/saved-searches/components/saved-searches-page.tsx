import { BellRing, RefreshCw, Sparkles } from 'lucide-react';
import { Link, Navigate, useParams } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { resultsPath } from '@/lib/saved-searches';
import { useCreateRecommendedAlert, useSavedSearch, useSavedSearches } from '../api/saved-searches';
import { SavedSearchItem } from './saved-search-item';

/** The seeker's saved searches with their alerts, and the "Recommended for you" alert. */
export function SavedSearchesPage() {
  const { searches, error, isLoading, reload } = useSavedSearches();
  const recommend = useCreateRecommendedAlert();
  const hasRecommended = searches?.some((s) => s.kind === 'recommended') ?? true;

  return (
    <ContentLayout title="Saved searches" description="Hear about new jobs that match: right away, once a day, or not at all.">
      <div className="space-y-4">
        {error && (
          <div className="flex flex-wrap items-center gap-3">
            <Alert tone="error" className="flex-1">We couldn't load your saved searches. {error}</Alert>
            <Button variant="secondary" onClick={reload}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Try again
            </Button>
          </div>
        )}
        {isLoading && <FullPageSpinner label="Loading your saved searches" />}

        {!hasRecommended && (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-indigo-50 p-4 ring-1 ring-indigo-100">
            <p className="text-sm text-indigo-900">Get a daily note about new jobs that fit your resume well.</p>
            <Button onClick={() => recommend.mutate()} isLoading={recommend.isPending}>
              <Sparkles aria-hidden="true" className="size-4" />
              Turn on “Recommended for you”
            </Button>
            {recommend.error && <Alert tone="error" className="w-full">{recommend.error.message}</Alert>}
          </div>
        )}

        {searches && searches.length === 0 && (
          <EmptyState
            icon={BellRing}
            title="No saved searches yet"
            action={
              <Link to={paths.seeker.jobs} className="font-semibold text-indigo-700 underline hover:no-underline">
                Find jobs
              </Link>
            }
          >
            On Jobs, search or filter, then choose “Save this search”.
          </EmptyState>
        )}

        {searches && searches.length > 0 && (
          <ul className="space-y-3" aria-label="Your saved searches">
            {searches.map((search) => (
              <SavedSearchItem key={search.id} search={search} />
            ))}
          </ul>
        )}
      </div>
    </ContentLayout>
  );
}

/** /saved-searches/:id (an alert's link): opens the search's results. */
export function SavedSearchResultsRedirect() {
  const { id = '' } = useParams();
  const search = useSavedSearch(id);
  if (search.data) return <Navigate to={resultsPath(search.data)} replace />;
  if (search.error) {
    return (
      <ContentLayout title="Saved search">
        <Alert tone="error">{search.error.message}</Alert>
      </ContentLayout>
    );
  }
  return <FullPageSpinner label="Opening your saved search" />;
}
