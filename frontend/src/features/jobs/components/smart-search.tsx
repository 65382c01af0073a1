import { ListFilter, SearchX, Sparkles } from 'lucide-react';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { SaveSearch } from '@/components/saved-searches/save-search';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useAuth } from '@/lib/auth';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { useSmartSearch } from '../api/search-jobs';
import type { JobSearchHit, JobSearchResults } from '../api/types';
import { JobCard } from './job-card';
import { apiLimits } from '@/lib/api-limits.generated';

/**
 * Describe the job in your own words: the API ranks active jobs by keywords and by meaning together, and reads a
 * place or job type in the words as a filter (shown above the results, each with a way to drop it).
 * Searching runs the embedding model, so it happens on submit rather than on every keystroke.
 */
export function SmartSearch() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const query = searchParams.get('ask') ?? '';
  const [text, setText] = useState(query);
  const search = useSmartSearch(query);
  const isSeeker = useAuth().user?.role === 'seeker';

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = text.trim();
    if (value === query) void search.refetch();
    else updateSearchParams({ ask: value });
  };

  const searchFor = (value: string) => {
    setText(value);
    updateSearchParams({ ask: value });
  };
  const browseAll = () => updateSearchParams({ ask: null, mode: null });
  const pages = search.data?.pages ?? [];

  return (
    <div className="space-y-5">
      <form
        role="search"
        aria-label="Smart search"
        onSubmit={handleSubmit}
        className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5 sm:flex-row sm:items-end"
      >
        <TextField
          className="flex-1"
          label="Describe the job you want"
          type="search"
          name="ask"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="e.g. backend internship building REST APIs in Bengaluru"
          hint="Matches by meaning as well as words; a city or “internship”, “remote” in your words narrows the search."
          autoComplete="off"
          maxLength={apiLimits.operations.searchJobs.q.maxLength}
        />
        <Button type="submit" className="sm:mb-5" disabled={!text.trim()} isLoading={search.isFetching && !search.isFetchingNextPage}>
          <Sparkles aria-hidden="true" className="size-4" />
          Search
        </Button>
      </form>

      {isSeeker && query && <SaveSearch key={query} search={{ kind: 'smart', question: query }} suggestedName={query.slice(0, 100)} />}

      {search.status === 'error' && (
        <div className="space-y-3">
          <Alert tone="error">Smart search didn't work this time. {search.error?.message}</Alert>
          <Button variant="secondary" onClick={() => void search.refetch()}>
            Try again
          </Button>
        </div>
      )}
      {search.isLoading && <FullPageSpinner label="Searching" />}
      {search.status !== 'error' && pages.length > 0 && (
        <SearchResults
          first={pages[0]}
          hits={pages.flatMap((page) => page.items)}
          isFetching={search.isFetching && !search.isFetchingNextPage}
          onSearch={searchFor}
          onBrowseAll={browseAll}
          showMore={
            search.hasNextPage && (
              <Button variant="secondary" onClick={() => void search.fetchNextPage()} isLoading={search.isFetchingNextPage}>
                Show more
              </Button>
            )
          }
        />
      )}
    </div>
  );
}

const jobTypeWords: Record<NonNullable<JobSearchResults['understood']['job_type']>, string> = {
  internship: 'internships',
  full_time: 'full-time jobs',
  part_time: 'part-time jobs',
};

const workModeWords: Record<NonNullable<JobSearchResults['understood']['work_mode']>, string> = {
  remote: 'remote',
  hybrid: 'hybrid',
  on_site: 'on site',
};

type SearchResultsProps = {
  first: JobSearchResults;
  hits: JobSearchHit[];
  isFetching: boolean;
  onSearch: (query: string) => void;
  onBrowseAll: () => void;
  showMore: ReactNode;
};

function SearchResults({ first, hits, isFetching, onSearch, onBrowseAll, showMore }: SearchResultsProps) {
  const headingId = useId();
  const { understood } = first;
  const widen = (
    <Widen understood={understood} onSearch={onSearch} onBrowseAll={onBrowseAll} />
  );

  if (hits.length === 0) {
    return (
      <EmptyState icon={SearchX} title="No matching jobs" action={widen}>
        Nothing matched “{first.query}”. Try describing the role, the skills or the city differently.
      </EmptyState>
    );
  }

  return (
    <section aria-labelledby={headingId} aria-busy={isFetching} className={`space-y-3 ${isFetching ? 'opacity-60' : ''}`}>
      <h2 id={headingId} className="text-sm font-medium text-slate-600">
        Best matches for <span className="font-semibold text-slate-900">“{first.query}”</span>
      </h2>
      <Understood understood={understood} onSearch={onSearch} />
      {first.nothing_fits_well && (
        <Alert tone="warning">
          <p className="font-semibold">Nothing fits this search well</p>
          <p className="mt-1">These are the closest jobs we have. Widen the search to see more.</p>
          <div className="mt-2">{widen}</div>
        </Alert>
      )}
      <ol className="space-y-3">
        {hits.map((hit) => (
          <li key={hit.job.id}>
            <JobCard job={hit.job} aside={<RelevanceBadge relevance={hit.relevance} />} />
          </li>
        ))}
      </ol>
      {showMore && <div className="flex justify-center">{showMore}</div>}
    </section>
  );
}

/** "Showing jobs in Bengaluru · internships — search everywhere": what the words were read as, each part removable. */
function Understood({ understood, onSearch }: { understood: JobSearchResults['understood']; onSearch: (query: string) => void }) {
  const kind = [
    understood.work_mode && workModeWords[understood.work_mode],
    understood.job_type && jobTypeWords[understood.job_type],
  ].filter(Boolean);
  if (!understood.place && kind.length === 0) return null;

  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
      <ListFilter aria-hidden="true" className="size-4 text-slate-500" />
      <span>
        Showing {kind.length > 0 ? kind.join(' ') : 'jobs'}
        {understood.place && (
          <>
            {' '}
            in <span className="font-semibold text-slate-900">{understood.place}</span>
          </>
        )}
      </span>
      {understood.without_place !== null && understood.without_place !== undefined && (
        <>
          <span aria-hidden="true">—</span>
          <LinkButton onClick={() => onSearch(understood.without_place ?? '')}>search everywhere</LinkButton>
        </>
      )}
      {understood.without_job_type !== null && understood.without_job_type !== undefined && (
        <>
          <span aria-hidden="true">·</span>
          <LinkButton onClick={() => onSearch(understood.without_job_type ?? '')}>any kind of job</LinkButton>
        </>
      )}
    </p>
  );
}

function Widen({
  understood,
  onSearch,
  onBrowseAll,
}: {
  understood: JobSearchResults['understood'];
  onSearch: (query: string) => void;
  onBrowseAll: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {understood.without_place && (
        <Button variant="secondary" onClick={() => onSearch(understood.without_place ?? '')}>
          Search everywhere, not just {understood.place}
        </Button>
      )}
      {understood.without_job_type && (
        <Button variant="secondary" onClick={() => onSearch(understood.without_job_type ?? '')}>
          Any kind of job
        </Button>
      )}
      <Button variant="ghost" onClick={onBrowseAll}>
        Browse all jobs
      </Button>
    </div>
  );
}

function LinkButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded font-semibold text-indigo-700 underline underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {children}
    </button>
  );
}

const relevance: Record<JobSearchHit['relevance'], { label: string; tone: BadgeTone }> = {
  strong: { label: 'Strong match', tone: 'success' },
  good: { label: 'Good match', tone: 'brand' },
  related: { label: 'Related', tone: 'neutral' },
};

function RelevanceBadge({ relevance: value }: { relevance: JobSearchHit['relevance'] }) {
  return <Badge tone={relevance[value].tone}>{relevance[value].label}</Badge>;
}
