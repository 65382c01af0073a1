import { SearchX, X } from 'lucide-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { CursorPagination } from '@/components/ui/cursor-pagination';
import { SelectField } from '@/components/ui/select-field';
import { FullPageSpinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useSearchParamState } from '@/lib/use-search-param-state';
import type { FeedPage } from '@/types/api';
import { useJobCompanies, useJobsFeed } from '../api/get-jobs-feed';
import { JobCard } from './job-card';

export const searchDebounceMs = 300;

/** The cursors of the pages before the current one (after the first), joined by '.', which base64url never uses. */
const trailSeparator = '.';

/**
 * Browse the feed: a search box that filters as you type, a company filter and pages of 20.
 * The filters and the page live in the URL (?q=&company=&cursor=&back=), so "back" from a job and a shared
 * link return to the same results: `cursor` starts the page, `back` holds the earlier pages' cursors so
 * Previous works from a shared link too.
 */
export function JobFeed() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const q = searchParams.get('q') ?? '';
  const company = searchParams.get('company') ?? '';
  const cursor = searchParams.get('cursor') ?? '';
  const trail = useMemo(() => {
    const back = searchParams.get('back');
    return back ? back.split(trailSeparator) : [];
  }, [searchParams]);

  const [text, setText] = useState(q);
  const debouncedText = useDebouncedValue(text.trim(), searchDebounceMs);

  // The box filters as you type: once typing pauses, the query moves to the URL and the first page.
  useEffect(() => {
    updateSearchParams((current) =>
      (current.get('q') ?? '') === debouncedText ? null : { q: debouncedText, cursor: null, back: null },
    );
  }, [debouncedText, updateSearchParams]);

  const feed = useJobsFeed({ cursor, q, company });
  const companies = useJobCompanies();

  const companyOptions = [
    { value: '', label: 'All companies' },
    ...(companies.data ?? []).map((name) => ({ value: name, label: name })),
  ];
  // A company from a shared link that has no active jobs any more still shows as selected.
  if (company && !companyOptions.some((option) => option.value === company)) {
    companyOptions.push({ value: company, label: company });
  }

  const clearFilters = useCallback(() => {
    setText('');
    updateSearchParams({ q: null, company: null, cursor: null, back: null });
  }, [updateSearchParams]);
  const goNext = useCallback(
    (next: string) =>
      updateSearchParams({ cursor: next, back: (cursor ? [...trail, cursor] : trail).join(trailSeparator) }),
    [cursor, trail, updateSearchParams],
  );
  const goPrevious = useCallback(
    () => updateSearchParams({ cursor: trail.at(-1) ?? null, back: trail.slice(0, -1).join(trailSeparator) }),
    [trail, updateSearchParams],
  );

  return (
    <div className="space-y-5">
      <form
        role="search"
        aria-label="Jobs"
        onSubmit={(event) => event.preventDefault()}
        className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5 sm:grid-cols-[1fr_16rem]"
      >
        <TextField
          label="Search jobs"
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Title, company or city"
          autoComplete="off"
        />
        <SelectField
          label="Company"
          name="company"
          value={company}
          options={companyOptions}
          onChange={(event) => updateSearchParams({ company: event.target.value, cursor: null, back: null })}
        />
      </form>

      {feed.status === 'error' && (
        <div className="space-y-3">
          <Alert tone="error">We couldn't load jobs. {feed.error?.message}</Alert>
          <Button variant="secondary" onClick={() => void feed.refetch()}>
            Try again
          </Button>
        </div>
      )}

      {feed.status !== 'error' && !feed.data && <FullPageSpinner label="Loading jobs" />}

      {feed.status !== 'error' && feed.data && (
        <FeedResults
          page={feed.data}
          // Busy while the page shown isn't the one asked for (not for a background look, e.g. on focus).
          isFetching={feed.isPlaceholderData}
          hasFilters={Boolean(q || company)}
          onClearFilters={clearFilters}
          pageNumber={cursor ? trail.length + 2 : 1}
          onNext={goNext}
          onPrevious={cursor ? goPrevious : undefined}
        />
      )}
    </div>
  );
}

type FeedResultsProps = {
  page: FeedPage;
  pageNumber: number;
  isFetching: boolean;
  hasFilters: boolean;
  onClearFilters: () => void;
  onNext: (cursor: string) => void;
  /** Absent on the first page. */
  onPrevious?: () => void;
};

/** Memoised so typing in the search box doesn't re-render every card. */
const FeedResults = memo(function FeedResults({
  page,
  pageNumber,
  isFetching,
  hasFilters,
  onClearFilters,
  onNext,
  onPrevious,
}: FeedResultsProps) {
  const resultsRef = useRef<HTMLElement>(null);
  // Back to the top of the results, for the mouse and the keyboard alike.
  const focusResults = () => resultsRef.current?.focus();
  const jobs = `${page.items.length} ${page.items.length === 1 ? 'job' : 'jobs'}`;

  return (
    <section
      ref={resultsRef}
      tabIndex={-1}
      aria-label="Job results"
      aria-busy={isFetching}
      className={`scroll-mt-24 focus:outline-none ${isFetching ? 'opacity-60 transition-opacity' : ''}`}
    >
      <p aria-live="polite" className="sr-only">
        {isFetching ? 'Loading jobs' : `Page ${pageNumber}: ${jobs}${page.has_more ? ', more on the next page' : ''}`}
      </p>
      {page.items.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title={hasFilters ? 'No jobs match your search' : 'No jobs yet'}
          action={
            hasFilters && (
              <Button variant="secondary" onClick={onClearFilters}>
                <X aria-hidden="true" className="size-4" />
                Clear filters
              </Button>
            )
          }
        >
          {hasFilters
            ? 'Try a shorter search, another company, or Smart search to match by meaning.'
            : 'New jobs appear here as soon as employers post them.'}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <ul className="space-y-3">
            {page.items.map((job) => (
              <li key={job.id}>
                <JobCard job={job} />
              </li>
            ))}
          </ul>
          <CursorPagination
            page={pageNumber}
            hasPrevious={Boolean(onPrevious)}
            hasNext={Boolean(page.has_more && page.next_cursor)}
            itemLabel="jobs"
            disabled={isFetching}
            onPrevious={() => {
              onPrevious?.();
              focusResults();
            }}
            onNext={() => {
              if (page.next_cursor) onNext(page.next_cursor);
              focusResults();
            }}
          />
        </div>
      )}
    </section>
  );
});
