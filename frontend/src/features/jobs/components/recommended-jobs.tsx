import { Building2, FileUp, Sparkles } from 'lucide-react';
import { Link } from 'react-router';
import { FitBadge } from '@/components/matching/fit-badge';
import { jobDetailPath, paths } from '@/config/paths';
import { recommendedLimit, useRecommendedJobs } from '../api/get-recommended-jobs';
import { placeLabel } from './place-label';

/**
 * "Recommended for you": the jobs that fit the seeker's resume best, each with its fit (the same score and label
 * as on the job's page and on "Check my fit").
 * Without a resume (422) the strip gives way to a gentle nudge to upload one; other failures hide it.
 */
export function RecommendedJobs() {
  const recommended = useRecommendedJobs();

  if (recommended.status === 'error' && recommended.error?.status === 422) {
    return (
      <aside
        aria-label="Recommendations"
        className="flex flex-wrap items-center gap-3 rounded-2xl bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-indigo-100 ring-inset"
      >
        <Sparkles aria-hidden="true" className="size-5 shrink-0 text-indigo-500" />
        <p className="min-w-0 flex-1">Add your resume and we'll pick out the jobs that fit you best.</p>
        <Link
          to={paths.seeker.profile}
          className="inline-flex items-center gap-1.5 rounded-lg font-semibold text-indigo-700 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <FileUp aria-hidden="true" className="size-4" />
          Upload your resume
        </Link>
      </aside>
    );
  }

  const items = (recommended.data ?? []).slice(0, recommendedLimit);
  if (recommended.status !== 'success' || items.length === 0) return null;

  return (
    <section aria-labelledby="recommended-title" className="space-y-3">
      <h2 id="recommended-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        <Sparkles aria-hidden="true" className="size-5 text-indigo-500" />
        Recommended for you
      </h2>
      <ol aria-labelledby="recommended-title" className="-mx-1 flex snap-x gap-3 overflow-x-auto px-1 pb-2">
        {items.map(({ job, fit }) => {
          return (
            <li key={job.id} className="w-60 shrink-0 snap-start">
              <article
                aria-label={job.title}
                className="relative h-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5 transition hover:shadow-md hover:ring-indigo-200 has-focus-visible:ring-2 has-focus-visible:ring-indigo-600"
              >
                <FitBadge fit={fit} />
                <h3 className="mt-2 line-clamp-2 text-sm font-semibold text-slate-900">
                  <Link
                    to={jobDetailPath(job.id)}
                    className="after:absolute after:inset-0 after:rounded-2xl hover:text-indigo-700 focus:outline-none"
                  >
                    {job.title}
                  </Link>
                </h3>
                <p className="mt-1 flex items-center gap-1 text-xs text-slate-600">
                  <Building2 aria-hidden="true" className="size-3.5 text-slate-400" />
                  {job.company_name}
                  {placeLabel(job) && <span className="truncate"> · {placeLabel(job)}</span>}
                </p>
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
