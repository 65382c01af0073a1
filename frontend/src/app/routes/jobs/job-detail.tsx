import { Gauge } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { registerPath } from '@/config/paths';
import { TalkToCoachButton } from '@/features/chat/components/talk-to-coach-button';
import { JobDetailPage } from '@/features/jobs/components/job-detail-page';
import { CheckFitButton } from '@/features/matching/components/check-fit-button';
import { useAuth } from '@/lib/auth';
import type { JobDetails } from '@/types/api';

/**
 * The job page. Other features add their buttons to its actions row here (features don't import each other,
 * so they meet in the app): "Check my fit" for seekers on a live job,
 * "Talk to the coach" for seekers on any job they can see. Visitors without an account are invited to sign up instead.
 */
export function JobDetailRoute() {
  const { status, user } = useAuth();
  const renderActions =
    user?.role === 'seeker'
      ? (job: JobDetails): ReactNode => (
          <>
            {job.status === 'active' && <CheckFitButton jobId={job.id} />}
            <TalkToCoachButton job={job} />
          </>
        )
      : status === 'anonymous'
        ? (): ReactNode => <SignUpToCheckFit />
        : undefined;
  return <JobDetailPage renderActions={renderActions} />;
}

function SignUpToCheckFit() {
  return (
    <Link
      to={registerPath('seeker')}
      className="inline-flex items-center justify-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <Gauge aria-hidden="true" className="size-4" />
      Sign up to check your fit
    </Link>
  );
}
