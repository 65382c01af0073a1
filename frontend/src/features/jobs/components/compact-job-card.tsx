import { Building2 } from 'lucide-react';
import { Link } from 'react-router';
import { FitBadge } from '@/components/matching/fit-badge';
import type { Fit } from '@/components/matching/fit';
import { jobDetailPath } from '@/config/paths';
import type { JobFeedItem } from '@/types/api';
import { placeLabel } from './place-label';

/** A small card for strips and side lists (Recommended for you, Similar jobs): the fit, the title as the card's link, company and place. */
export function CompactJobCard({ job, fit }: { job: JobFeedItem; fit?: Fit }) {
  return (
    <article
      aria-label={job.title}
      className="relative h-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5 transition hover:shadow-md hover:ring-indigo-200 has-focus-visible:ring-2 has-focus-visible:ring-indigo-600"
    >
      {fit && <FitBadge fit={fit} />}
      <h3 className="mt-2 line-clamp-2 text-sm font-semibold text-slate-900">
        <Link to={jobDetailPath(job.id)} className="after:absolute after:inset-0 after:rounded-2xl hover:text-indigo-700 focus:outline-none">
          {job.title}
        </Link>
      </h3>
      <p className="mt-1 flex min-w-0 items-center gap-1 text-xs text-slate-600">
        <Building2 aria-hidden="true" className="size-3.5 shrink-0 text-slate-400" />
        <span className="truncate">
          {job.company_name}
          {placeLabel(job) && <> · {placeLabel(job)}</>}
        </span>
      </p>
    </article>
  );
}
