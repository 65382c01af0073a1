import { JobDetailPage } from '@/features/jobs/components/job-detail-page';

/**
 * The job page. Other features add their buttons to its actions row here, e.g.
 * `renderActions={(job) => <><CheckFitButton job={job} /><TalkToCoachButton job={job} /></>}`
 * (features don't import each other, so they meet in the app).
 */
export function JobDetailRoute() {
  return <JobDetailPage />;
}
