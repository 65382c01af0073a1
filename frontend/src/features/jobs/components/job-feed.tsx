import { SearchX, SlidersHorizontal, X } from 'lucide-react';
import { type ChangeEvent, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FitBadge } from '@/components/matching/fit-badge';
import { SaveSearch } from '@/components/saved-searches/save-search';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { CursorPagination } from '@/components/ui/cursor-pagination';
import { SelectField } from '@/components/ui/select-field';
import { FullPageSpinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useAuth } from '@/lib/auth';
import { filtersFromParams } from '@/lib/saved-searches';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useSearchParamState } from '@/lib/use-search-param-state';
import type { FeedPage } from '@/types/api';
import { useJobCompanies, useJobsFeed } from '../api/get-jobs-feed';
import { useJobFits } from '../api/get-job-fits';
import { JobCard } from './job-card';
import {
  activeFilters,
  experienceOptions,
  filterParams,
  jobTypeOptions,
  maxSalaryOptions,
  minSalaryOptions,
  type Option,
  postedOptions,
  sortOptions,
  workModeOptions,
} from './feed-filters';

export const searchDebounceMs = 300;

/** The cursors of the pages before the current one (after the first), joined by '.', which base64url never uses. */
const trailSeparator = '.';

/**
 * Browse the feed: a search box and a place box that filter as you type; company, job type, experience, work mode,
 * salary range and posting-date filters; a sort; pages of 20. The filters, the sort and the page live in the URL
 * (?q=&location=&company=&job_type=&experience=&work_mode=&min_salary=&max_salary=&posted_within_days=&sort=&cursor=&back=),
 * so "back" and a shared link return to the same results: a chosen filter adds a history entry, typing replaces it;
 * `cursor` starts the page, `back` holds the earlier pages' cursors so Previous works from a shared link too.
 * On phones the filters fold behind a "Filters (n)" button.
 */
export function JobFeed() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const param = (name: string) => searchParams.get(name) ?? '';
  const q = param('q');
  const location = param('location');
  const cursor = param('cursor');
  const trail = useMemo(() => {
    const back = searchParams.get('back');
    return back ? back.split(trailSeparator) : [];
  }, [searchParams]);

  const [text, setText] = useState(q);
  const [place, setPlace] = useState(location);
  useTypedFilter('q', text, setText, q, updateSearchParams);
  useTypedFilter('location', place, setPlace, location, updateSearchParams);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const isSeeker = useAuth().user?.role === 'seeker';

  const feed = useJobsFeed({
    cursor,
    q,
    company: param('company'),
    location,
    minSalary: param('min_salary'),
    maxSalary: param('max_salary'),
    postedWithinDays: param('posted_within_days'),
    jobType: param('job_type'),
    workMode: param('work_mode'),
    experience: param('experience'),
    sort: param('sort'),
  });
  const companies = useJobCompanies();

  const company = param('company');
  const companyOptions = [
    { value: '', label: 'All companies' },
    ...(companies.data ?? []).map((name) => ({ value: name, label: name })),
  ];
  // A company from a shared link that has no active jobs any more still shows as selected.
  if (company && !companyOptions.some((option) => option.value === company)) {
    companyOptions.push({ value: company, label: company });
  }
  const active = activeFilters(searchParams);
  // The chips count the typed boxes too; the disclosure counts what is behind it.
  const hidden = active.filter((filter) => filter.name !== 'q').length;

  const clearFilters = useCallback(() => {
    setText('');
    setPlace('');
    updateSearchParams(
      Object.fromEntries([...filterParams, 'cursor', 'back'].map((name) => [name, null])),
      { push: true },
    );
  }, [updateSearchParams]);
  const removeFilter = (name: string) => {
    if (name === 'q') setText('');
    if (name === 'location') setPlace('');
    updateSearchParams({ [name]: null, cursor: null, back: null }, { push: true });
  };
  const choose = (name: string) => (event: ChangeEvent<HTMLSelectElement>) =>
    updateSearchParams({ [name]: event.target.value, cursor: null, back: null }, { push: true });
  const select = (name: string, label: string, options: Option[]) => (
    <SelectField label={label} name={name} value={param(name)} options={options} onChange={choose(name)} />
  );
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
        className="min-w-0 space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5"
      >
        <div className="grid min-w-0 gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <TextField
            label="Search jobs"
            type="search"
            name="q"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Title, skill, company or any word"
            autoComplete="off"
          />
          <SelectField
            label="Sort by"
            name="sort"
            value={param('sort')}
            options={sortOptions(Boolean(q))}
            onChange={choose('sort')}
          />
        </div>
        <Button
          type="button"
          variant="secondary"
          className="w-full sm:hidden"
          aria-expanded={filtersOpen}
          aria-controls="feed-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          <SlidersHorizontal aria-hidden="true" className="size-4" />
          {hidden > 0 ? `Filters (${hidden})` : 'Filters'}
        </Button>
        <div
          id="feed-filters"
          className={`${filtersOpen ? 'grid' : 'hidden'} min-w-0 gap-3 sm:grid sm:grid-cols-2 lg:grid-cols-4`}
        >
          <TextField
            label="City or state"
            type="search"
            name="location"
            value={place}
            onChange={(event) => setPlace(event.target.value)}
            placeholder="e.g. Pune or Karnataka"
            autoComplete="off"
          />
          <SelectField label="Company" name="company" value={company} options={companyOptions} onChange={choose('company')} />
          {select('job_type', 'Job type', jobTypeOptions)}
          {select('experience', 'Experience', experienceOptions)}
          {select('work_mode', 'Work mode', workModeOptions)}
          {select('min_salary', 'Salary from', minSalaryOptions)}
          {select('max_salary', 'Salary up to', maxSalaryOptions)}
          {select('posted_within_days', 'Posted', postedOptions)}
        </div>
        {active.length > 0 && (
          <div className="flex flex-wrap items-center gap-2">
            <ul aria-label="Active filters" className="flex min-w-0 flex-wrap gap-2">
              {active.map((filter) => (
                <li key={filter.name} className="min-w-0">
                  <button
                    type="button"
                    onClick={() => removeFilter(filter.name)}
                    aria-label={`Remove filter: ${filter.label}`}
                    className="inline-flex max-w-full items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  >
                    <span className="truncate">{filter.label}</span>
                    <X aria-hidden="true" className="size-3.5 shrink-0" />
                  </button>
                </li>
              ))}
            </ul>
            <Button type="button" variant="ghost" onClick={clearFilters}>
              Clear filters
            </Button>
          </div>
        )}
      </form>

      {isSeeker && active.length > 0 && (
        <SaveSearch key={searchParams.toString()} search={{ kind: 'browse', filters: filtersFromParams(searchParams) }} suggestedName={active.map((f) => f.label).join(', ')} />
      )}

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
          hasFilters={active.length > 0}
          onClearFilters={clearFilters}
          pageNumber={cursor ? trail.length + 2 : 1}
          onNext={goNext}
          onPrevious={cursor ? goPrevious : undefined}
        />
      )}
    </div>
  );
}

/**
 * A typed filter: once typing pauses, the text moves to the URL parameter and the feed to its first page; when the
 * URL changes under it ("back", a chip removed), the box follows.
 */
function useTypedFilter(
  name: string,
  value: string,
  setValue: (value: string) => void,
  inUrl: string,
  updateSearchParams: ReturnType<typeof useSearchParamState>[1],
) {
  const debounced = useDebouncedValue(value.trim(), searchDebounceMs);
  const lastUrl = useRef(inUrl);
  useEffect(() => {
    if (lastUrl.current === inUrl) return;
    lastUrl.current = inUrl;
    if (inUrl !== debounced) setValue(inUrl);
    // Only a change of the URL moves the box; typing moves the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inUrl]);
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
                Clear all filters
              </Button>
            )
          }
        >
          {hasFilters
            ? 'Remove a filter above, try a shorter search, or use Smart search to match by meaning.'
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
