import { LayoutList, RefreshCw, SquarePlus } from 'lucide-react';
import { Link } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useFlashNotice } from '@/lib/flash-notice';
import { useApplicantCounts } from '../api/get-applicant-counts';
import { useMyListings } from '../api/get-my-listings';
import { ListingItem } from './listing-item';

const primaryLinkClassName =
  'inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

export function MyListingsPage() {
  const [notice, dismissNotice] = useFlashNotice();
  const { listings, error, isLoading, reload } = useMyListings();
  const applicantCounts = useApplicantCounts();
  const processingCount = listings?.filter((listing) => listing.status === 'processing').length ?? 0;

  return (
    <ContentLayout title="My listings" description="The jobs you have posted and how they are doing.">
      <div className="space-y-4">
        {notice && (
          <Alert tone="success">
            <div className="flex items-start justify-between gap-3">
              <p>{notice}</p>
              <button
                type="button"
                onClick={dismissNotice}
                className="shrink-0 rounded text-xs font-semibold underline hover:no-underline focus-visible:outline-2 focus-visible:outline-emerald-700"
              >
                Dismiss
              </button>
            </div>
          </Alert>
        )}

        {error && (
          <div className="flex flex-wrap items-center gap-3">
            <Alert tone="error" className="flex-1">
              {listings ? "We couldn't refresh your listings. " : "We couldn't load your listings. "}
              {error}
            </Alert>
            <Button variant="secondary" onClick={reload}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Try again
            </Button>
          </div>
        )}

        {isLoading && <FullPageSpinner label="Loading your listings" />}

        {listings && listings.length === 0 && (
          <EmptyState
            icon={LayoutList}
            title="You haven't posted any jobs yet"
            action={
              <Link to={paths.provider.newJob} className={primaryLinkClassName}>
                <SquarePlus aria-hidden="true" className="size-4" />
                Post a job
              </Link>
            }
          >
            Post your first job and it appears here while our AI prepares it.
          </EmptyState>
        )}

        {listings && listings.length > 0 && (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-600">
                {listings.length} {listings.length === 1 ? 'listing' : 'listings'}
                {processingCount > 0 && (
                  <>
                    {' '}
                    · {processingCount} being prepared — this list updates by itself
                  </>
                )}
              </p>
              <Link to={paths.provider.newJob} className={primaryLinkClassName}>
                <SquarePlus aria-hidden="true" className="size-4" />
                Post a job
              </Link>
            </div>
            <ul aria-label="Your job listings" className="space-y-3">
              {listings.map((listing) => (
                <ListingItem key={listing.id} listing={listing} applicantCount={applicantCounts.get(listing.id) ?? 0} onReload={reload} />
              ))}
            </ul>
          </>
        )}
      </div>
    </ContentLayout>
  );
}
