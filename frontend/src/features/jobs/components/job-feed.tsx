import { SearchX, X } from 'lucide-react';
import { type ChangeEvent, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FitBadge } from '@/components/matching/fit-badge';
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
import { useJobFits } from '../api/get-job-fits';
import { JobCard } from './job-card';

export const searchDebounceMs = 300;

const salaryOptions = [
  { value: '', label: 'Any salary' },
  { value: '300000', label: '₹3 lakh a year or more' },
  { value: '500000', label: '₹5 lakh a year or more' },
  { value: '800000', label: '₹8 lakh a year or more' },
  { value: '1200000', label: '₹12 lakh a year or more' },
];

const postedOptions = [
  { value: '', label: 'Any time' },
  { value: '1', label: 'Last 24 hours' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
];

/** The cursors of the pages before the current one (after the first), joined by '.', which base64url never uses. */
const trailSeparator = '.';

/**
 * Browse the feed: a search box and a place box that filter as you type, company, salary and posting-date filters
 * and pages of 20. The filters and the page live in the URL (?q=&location=&company=&min_salary=&posted_within_days=
 * &cursor=&back=), so "back" from a job and a shared
 * link return to the same results: `cursor` starts the page, `back` holds the earlier pages' cursors so
 * Previous works from a shared link too.
 */
export function JobFeed() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const q = searchParams.get('q') ?? '';
  const company = searchParams.get('company') ?? '';
  const location = searchParams.get('location') ?? '';
  const minSalary = searchParams.get('min_salary') ?? '';
  const postedWithinDays = searchParams.get('posted_within_days') ?? '';
  const cursor = searchParams.get('cursor') ?? '';
  const trail = useMemo(() => {
    const back = searchParams.get('back');
    return back ? back.split(trailSeparator) : [];
  }, [searchParams]);

  const [text, setText] = useState(q);
  const [place, setPlace] = useState(location);
  useTypedFilter('q', text, updateSearchParams);
  useTypedFilter('location', place, updateSearchParams);

  const feed = useJobsFeed({ cursor, q, company, location, minSalary, postedWithinDays });
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
    setPlace('');
    updateSearchParams({
      q: null,
      location: null,
      company: null,
      min_salary: null,
      posted_within_days: null,
      cursor: null,
      back: null,
    });
  }, [updateSearchParams]);
  const choose = (name: string) => (event: ChangeEvent<HTMLSelectElement>) =>
    updateSearchParams({ [name]: event.target.value, cursor: null, back: null });
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
        className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5 sm:grid-cols-2 lg:grid-cols-3"
      >
        <TextField
          className="sm:col-span-2"
          label="Search jobs"
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Title, company, city or skill"
          autoComplete="off"
        />
        <TextField
          label="Location"
          type="search"
          name="location"
          value={place}
          onChange={(event) => setPlace(event.target.value)}
          placeholder="e.g. Pune"
          autoComplete="off"
        />
        <SelectField label="Company" name="company" value={company} options={companyOptions} onChange={choose('company')} />
        <SelectField
          label="Salary"
          name="min_salary"
          value={minSalary}
          options={salaryOptions}
          onChange={choose('min_salary')}
        />
        <SelectField
          label="Posted"
          name="posted_within_days"
          value={postedWithinDays}
          options={postedOptions}
          onChange={choose('posted_within_days')}
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
          hasFilters={Boolean(q || company || location || minSalary || postedWithinDays)}
          onClearFilters={clearFilters}
          pageNumber={cursor ? trail.length + 2 : 1}
          onNext={goNext}
          onPrevious={cursor ? goPrevious : undefined}
        />
      )}
    </div>
  );
}

/** A typed filter: once typing pauses, the text moves to the URL parameter and the feed to its first page. */
function useTypedFilter(
  name: string,
  value: string,
  updateSearchParams: ReturnType<typeof useSearchParamState>[1],
) {
  const debounced = useDebouncedValue(value.trim(), searchDebounceMs);
  useEffect(() => {
    updateSearchParams((current) =>
      (current.get(name) ?? '') === debounced ? null : { [name]: debounced, cursor: null, back: null },
    );
  }, [name, debounced, updateSearchParams]);
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
  // A seeker with a resume sees their fit on each card, for this page's jobs only (one request).
  const fits = useJobFits(page.items.map((job) => job.id));

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
            ? 'Try a shorter search, fewer filters, or Smart search to match by meaning.'
            : 'New jobs appear here as soon as employers post them.'}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <ul className="space-y-3">
            {page.items.map((job) => {
              const fit = fits.get(job.id);
              return (
                <li key={job.id}>
                  <JobCard job={job} aside={fit && <FitBadge fit={fit} />} />
                </li>
              );
            })}
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
