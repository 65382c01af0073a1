import { Building2, MapPin, Wallet } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { JobCardApplicationButtons } from '@/components/applications/application-buttons';
import { PostingDate } from '@/components/jobs/posting-date';
import { SalarySourceNote } from '@/components/jobs/salary-source';
import { ChipList } from '@/components/ui/chip-list';
import { jobDetailPath } from '@/config/paths';
import type { JobFeedItem } from '@/types/api';
import { placeLabel } from './place-label';

type JobCardProps = {
  job: JobFeedItem;
  /** Extra facts shown at the top right, e.g. a search score. */
  aside?: ReactNode;
};

/** A job in a list. The whole card opens the job's page; the title is the link. Seekers also get Save and I applied. */
export function JobCard({ job, aside }: JobCardProps) {
  const titleId = useId();
  const place = placeLabel(job);

  return (
    <article
      aria-labelledby={titleId}
      className="relative rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5 transition hover:shadow-md hover:ring-indigo-200 has-focus-visible:ring-2 has-focus-visible:ring-indigo-600"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={titleId} className="text-base font-semibold text-slate-900">
            <Link
              to={jobDetailPath(job.id)}
              className="after:absolute after:inset-0 after:rounded-2xl hover:text-indigo-700 focus:outline-none"
            >
              {job.title}
            </Link>
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
            <span className="inline-flex items-center gap-1">
              <Building2 aria-hidden="true" className="size-4 text-slate-400" />
              {job.company_name}
            </span>
            {place && (
              <span className="inline-flex items-center gap-1">
                <MapPin aria-hidden="true" className="size-4 text-slate-400" />
                {place}
              </span>
            )}
            {job.salary_range?.display && (
              <span className="inline-flex items-center gap-1">
                <Wallet aria-hidden="true" className="size-4 text-slate-400" />
                <span className="sr-only">Salary: </span>
                {job.salary_range.display}
                <SalarySourceNote source={job.salary_source} className="before:content-['·_']" />
              </span>
            )}
          </p>
        </div>
        {aside && <div className="shrink-0 text-right">{aside}</div>}
      </div>
      {job.skills_required.length > 0 && (
        <div className="mt-3">
          <ChipList label="Skills" items={job.skills_required} max={6} />
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">
          <PostingDate postedOn={job.posted_on} createdAt={job.created_at} />
        </p>
        {/* Above the card's link overlay, so the buttons take their own clicks (seekers only). */}
        <div className="relative z-10 empty:hidden">
          <JobCardApplicationButtons jobId={job.id} jobTitle={job.title} />
        </div>
      </div>
    </article>
  );
}
