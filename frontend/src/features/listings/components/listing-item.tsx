import { Archive, CircleAlert, Eye, MapPin, Pencil, RefreshCw, Users } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { EnrichmentBadge, JobStatusBadge } from '@/components/jobs/job-status-badge';
import { Button } from '@/components/ui/button';
import { jobApplicantsPath, jobDetailPath, jobEditPath } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { isStaleVersion, staleVersionMessage } from '@/lib/stream-version';
import { useArchiveListing } from '../api/archive-job';
import type { ProviderListing } from '../api/types';

const secondaryLinkClassName =
  'inline-flex items-center gap-2 rounded-lg bg-white px-3 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

type ListingItemProps = {
  listing: ProviderListing;
  /** Applicants through Ottobon who have not withdrawn. */
  applicantCount: number;
  /** Load the listings again (after the job changed since they were loaded). */
  onReload: () => void;
};

/** One posting: status, enrichment, and the actions (view, edit, archive with confirmation). */
export function ListingItem({ listing, applicantCount, onReload }: ListingItemProps) {
  const titleId = useId();
  const [isConfirming, setConfirming] = useState(false);
  const archive = useArchiveListing();
  const isArchiving = archive.isPending;
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const [isStale, setStale] = useState(false);
  const archiveButtonRef = useRef<HTMLButtonElement>(null);

  const confirmArchive = async () => {
    setArchiveError(null);
    setStale(false);
    try {
      await archive.mutateAsync({ jobId: listing.id, version: listing.stream_version });
      setConfirming(false);
    } catch (error) {
      setStale(isStaleVersion(error));
      setArchiveError(isStaleVersion(error) ? `${staleVersionMessage} Reload to see it as it is now.` : getErrorMessage(error));
    }
  };

  const reloadListings = () => {
    setConfirming(false);
    setArchiveError(null);
    setStale(false);
    onReload();
  };

  const cancel = () => {
    setConfirming(false);
    setArchiveError(null);
    setStale(false);
    // Back to where the keyboard user was (after the confirmation closes).
    setTimeout(() => archiveButtonRef.current?.focus());
  };

  return (
    <li aria-labelledby={titleId} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            <Link
              to={jobDetailPath(listing.id)}
              className="rounded hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {listing.title}
            </Link>
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            <span>{listing.company_name}</span>
            {listing.location && (
              <span className="inline-flex items-center gap-1">
                <MapPin aria-hidden="true" className="size-4 text-slate-400" />
                {listing.location}
              </span>
            )}
            <span>Posted {formatDate(listing.created_at)}</span>
          </p>
          <div className="mt-3 flex flex-wrap gap-2" aria-live="polite">
            <JobStatusBadge status={listing.status} />
            <EnrichmentBadge status={listing.enrichment_status} />
          </div>
          {listing.enrichment_status === 'failed' && (
            <p className="mt-2 flex items-start gap-1.5 text-sm text-red-700">
              <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              <span>
                <span className="font-semibold">Enrichment failed: </span>
                {listing.last_enrichment_error || 'no reason was given.'}
              </span>
            </p>
          )}
        </div>

        <div className="flex shrink-0 flex-wrap gap-2">
          <Link
            to={jobDetailPath(listing.id)}
            aria-label={`View ${listing.title}`}
            className={secondaryLinkClassName}
          >
            <Eye aria-hidden="true" className="size-4" />
            View
          </Link>
          <Link
            to={jobApplicantsPath(listing.id)}
            aria-label={`Applicants for ${listing.title}: ${applicantCount}`}
            className={secondaryLinkClassName}
          >
            <Users aria-hidden="true" className="size-4" />
            Applicants ({applicantCount})
          </Link>
          {listing.status !== 'archived' && (
            <Link
              to={jobEditPath(listing.id)}
              aria-label={`Edit ${listing.title}`}
              className={secondaryLinkClassName}
            >
              <Pencil aria-hidden="true" className="size-4" />
              Edit
            </Link>
          )}
          {listing.status !== 'archived' && !isConfirming && (
            <Button
              ref={archiveButtonRef}
              variant="secondary"
              aria-label={`Archive ${listing.title}`}
              onClick={() => setConfirming(true)}
            >
              <Archive aria-hidden="true" className="size-4" />
              Archive
            </Button>
          )}
        </div>
      </div>

      {isConfirming && (
        <div
          role="group"
          aria-label={`Confirm archiving ${listing.title}`}
          className="mt-4 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset"
        >
          <p className="text-sm text-amber-900">
            Archive <span className="font-semibold">{listing.title}</span>? It leaves the feed and search for good;
            its history is kept.
          </p>
          {archiveError && (
            <p role="alert" className="mt-2 text-sm font-medium text-red-700">
              {archiveError}
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            {/* Focus follows into the confirmation the user just opened: the Archive button it replaces is gone. */}
            {isStale ? (
              // eslint-disable-next-line jsx-a11y/no-autofocus -- mounts on the user's click, not on page load
              <Button variant="primary" autoFocus onClick={reloadListings}>
                <RefreshCw aria-hidden="true" className="size-4" />
                Reload listings
              </Button>
            ) : (
              // eslint-disable-next-line jsx-a11y/no-autofocus -- mounts on the user's click, not on page load
              <Button variant="danger" autoFocus isLoading={isArchiving} onClick={confirmArchive}>
                Yes, archive
              </Button>
            )}
            <Button variant="secondary" onClick={cancel} disabled={isArchiving}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
