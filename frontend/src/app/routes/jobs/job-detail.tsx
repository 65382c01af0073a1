import { Gauge, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { JobApplicationButtons } from '@/components/applications/application-buttons';
import { jobApplicantsPath, registerPath } from '@/config/paths';
import { ApplyWithResume } from '@/features/applicants/components/apply-with-resume';
import { TalkToCoachButton } from '@/features/chat/components/talk-to-coach-button';
import { JobDetailPage } from '@/features/jobs/components/job-detail-page';
import { CheckFitButton } from '@/features/matching/components/check-fit-button';
import { useAuth } from '@/lib/auth';
import type { JobDetails } from '@/types/api';

/**
 * The job page. Other features add their buttons to its actions row here (features don't import each other,
 * so they meet in the app): "Check my fit" for seekers on a live job,
 * "Talk to the coach" and the tracker's "Save" / "I applied" for seekers on any job they can see, "Apply with my resume" for seekers on a provider's job,
 * "Applicants" for the job's provider and admins. Visitors without an account are invited to sign up instead.
 */
export function JobDetailRoute() {
  const { status, user } = useAuth();
  const renderActions =
    user?.role === 'seeker'
      ? (job: JobDetails): ReactNode => (
          <>
            <JobApplicationButtons jobId={job.id} jobTitle={job.title} />
            {job.origin === 'posted' && <ApplyWithResume jobId={job.id} jobTitle={job.title} isOpen={job.status === 'active'} />}
            {job.status === 'active' && <CheckFitButton jobId={job.id} />}
            <TalkToCoachButton job={job} />
          </>
        )
      : status === 'anonymous'
        ? (): ReactNode => <SignUpToCheckFit />
        : user && (user.role === 'admin' || user.role === 'provider')
          ? (job: JobDetails): ReactNode =>
              job.origin === 'posted' && (user.role === 'admin' || job.owner_id === user.id) ? <ApplicantsLink jobId={job.id} /> : null
          : undefined;
  return <JobDetailPage renderActions={renderActions} />;
}

function ApplicantsLink({ jobId }: { jobId: string }) {
  return (
    <Link
      to={jobApplicantsPath(jobId)}
      className="inline-flex items-center justify-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <Users aria-hidden="true" className="size-4" />
      Applicants
    </Link>
  );
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
