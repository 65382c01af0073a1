import { Layers } from 'lucide-react';
import { Link } from 'react-router';
import { FitBadge } from '@/components/matching/fit-badge';
import { jobMatchPath } from '@/config/paths';
import { useJobFits } from '../api/get-job-fits';
import { useSimilarJobs } from '../api/get-similar-jobs';
import { CompactJobCard } from './compact-job-card';

/** "Similar jobs" at the end of a job's page: active jobs nearest by meaning, with the seeker's fit on each. Hidden when there are none. */
export function SimilarJobs({ jobId }: { jobId: string }) {
  const similar = useSimilarJobs(jobId);
  const items = similar.data ?? [];
  const fits = useJobFits(items.map((item) => item.job.id));
  if (items.length === 0) return null;

  return (
    <section aria-labelledby="similar-title" className="space-y-3">
      <h2 id="similar-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        <Layers aria-hidden="true" className="size-5 text-indigo-500" />
        Similar jobs
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {items.map(({ job }) => (
          <li key={job.id}>
            <CompactJobCard job={job} fit={fits.get(job.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The seeker's fit with this job, the same number as on "Check my fit", with a way there. Nothing without a resume. */
export function YourFit({ jobId }: { jobId: string }) {
  const fit = useJobFits([jobId]).get(jobId);
  if (!fit) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
      Your fit with this job: <FitBadge fit={fit} />
      <Link
        to={jobMatchPath(jobId)}
        className="rounded font-semibold text-indigo-700 underline underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        See what's missing
      </Link>
    </p>
  );
}
