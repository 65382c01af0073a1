import { Target } from 'lucide-react';
import { Link } from 'react-router';
import { jobMatchPath } from '@/config/paths';

/** For the job page's actions row: opens how well the seeker's resume fits this job. */
export function CheckFitButton({ jobId }: { jobId: string }) {
  return (
    <Link
      to={jobMatchPath(jobId)}
      className="inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-indigo-700 shadow-sm ring-1 ring-indigo-300 ring-inset hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <Target aria-hidden="true" className="size-4" />
      Check my fit
    </Link>
  );
}
