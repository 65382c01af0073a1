import { SearchX, Sparkles } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { useSmartSearch } from '../api/search-jobs';
import type { JobSearchHit } from '../api/types';
import { JobCard } from './job-card';
import { apiLimits } from '@/lib/api-limits.generated';

/**
 * Describe the job in your own words: the API ranks active jobs by keywords and by meaning together.
 * Searching runs the embedding model, so it happens on submit rather than on every keystroke.
 */
export function SmartSearch() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const query = searchParams.get('ask') ?? '';
  const [text, setText] = useState(query);
  const search = useSmartSearch(query);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = text.trim();
    if (value === query) void search.refetch();
    else updateSearchParams({ ask: value });
  };

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
          placeholder="e.g. backend internship building REST APIs with Node.js"
          hint="Matches by meaning as well as words, so you needn't know the exact job title."
          autoComplete="off"
          maxLength={apiLimits.operations.searchJobs.q.maxLength}
        />
        <Button type="submit" className="sm:mb-5" disabled={!text.trim()} isLoading={search.isFetching}>
          <Sparkles aria-hidden="true" className="size-4" />
          Search
        </Button>
      </form>

      {search.status === 'error' && (
        <div className="space-y-3">
          <Alert tone="error">Smart search didn't work this time. {search.error?.message}</Alert>
          <Button variant="secondary" onClick={() => void search.refetch()}>
            Try again
          </Button>
        </div>
      )}
      {search.isLoading && <FullPageSpinner label="Searching" />}
      {search.status !== 'error' && search.data && (
        <SearchResults hits={search.data.items} query={search.data.query} isFetching={search.isFetching} />
      )}
    </div>
  );
}

function SearchResults({ hits, query, isFetching }: { hits: JobSearchHit[]; query: string; isFetching: boolean }) {
  const headingId = useId();

  if (hits.length === 0) {
    return (
      <EmptyState icon={SearchX} title="No matching jobs">
        Nothing matched “{query}”. Try describing the role, the skills or the city differently.
      </EmptyState>
    );
  }

  return (
    <section aria-labelledby={headingId} aria-busy={isFetching} className={isFetching ? 'opacity-60' : undefined}>
      <h2 id={headingId} className="mb-3 text-sm font-medium text-slate-600">
        Best matches for <span className="font-semibold text-slate-900">“{query}”</span>
      </h2>
      <ol className="space-y-3">
        {hits.map((hit, index) => (
          <li key={hit.job.id}>
            <JobCard job={hit.job} aside={<ScoreSummary hit={hit} rank={index + 1} />} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ScoreSummary({ hit, rank }: { hit: JobSearchHit; rank: number }) {
  return (
    <div className="text-xs text-slate-500">
      <p className="font-semibold text-indigo-700">
        #{rank} · Score {formatScore(hit.score)}
      </p>
      <p className="mt-0.5">
        {hit.keyword_score !== null && <>Keywords {formatScore(hit.keyword_score)}</>}
        {hit.keyword_score !== null && hit.semantic_score !== null && ' · '}
        {hit.semantic_score !== null && <>Meaning {Math.round(hit.semantic_score * 100)}%</>}
      </p>
    </div>
  );
}

function formatScore(score: number): string {
  return score.toFixed(3);
}
