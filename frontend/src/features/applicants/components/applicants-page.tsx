import { Users } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner } from '@/components/ui/spinner';
import { jobDetailPath } from '@/config/paths';
import { useJobApplicants } from '../api/applicants';
import { ApplicantCard } from './applicant-card';

/** A job's applicants for its provider (and admins): best fit first, each with skills, resume and stage. */
export function ApplicantsPage() {
  const { id = '' } = useParams<{ id: string }>();
  const applicants = useJobApplicants(id);
  const job = applicants.data;

  return (
    <ContentLayout
      title={job ? `Applicants for ${job.job_title}` : 'Applicants'}
      description="Ranked by how well their resume fits the job. Open a resume, add a note and move them through your stages."
    >
      <div className="space-y-4">
        <Link to={jobDetailPath(id)} className="text-sm font-semibold text-indigo-700 underline hover:no-underline">
          Back to the job
        </Link>
        {applicants.isPending && <FullPageSpinner label="Loading the applicants" />}
        {applicants.error && <Alert tone="error">We couldn't load the applicants. {applicants.error.message}</Alert>}
        {job && job.applicants.length === 0 && (
          <EmptyState icon={Users} title="No applicants yet">
            Seekers who apply through Ottobon appear here, with their fit to the job.
          </EmptyState>
        )}
        {job && job.applicants.length > 0 && (
          <ol aria-label="Applicants, best fit first" className="space-y-3">
            {job.applicants.map((applicant) => (
              <ApplicantCard key={applicant.id} jobId={id} applicant={applicant} />
            ))}
          </ol>
        )}
      </div>
    </ContentLayout>
  );
}
