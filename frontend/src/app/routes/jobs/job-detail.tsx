import type { ReactNode } from 'react';
import { TalkToCoachButton } from '@/features/chat/components/talk-to-coach-button';
import { JobDetailPage } from '@/features/jobs/components/job-detail-page';
import { CheckFitButton } from '@/features/matching/components/check-fit-button';
import { useAuth } from '@/lib/auth';
import type { JobDetails } from '@/types/api';

/**
 * The job page. Other features add their buttons to its actions row here (features don't import each other,
 * so they meet in the app): "Check my fit" for seekers on a live job,
 * "Talk to the coach" for seekers on any job they can see.
 */
export function JobDetailRoute() {
  const { user } = useAuth();
  const renderActions =
    user?.role === 'seeker'
      ? (job: JobDetails): ReactNode => (
          <>
            {job.status === 'active' && <CheckFitButton jobId={job.id} />}
            <TalkToCoachButton job={job} />
          </>
        )
      : undefined;
  return <JobDetailPage renderActions={renderActions} />;
}
