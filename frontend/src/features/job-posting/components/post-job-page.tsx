import { ContentLayout } from '@/components/layouts/content-layout';
import { PostJobForm } from './post-job-form';

export function PostJobPage() {
  return (
    <ContentLayout
      title="Post a job"
      description="Describe the role. Our AI adds interview prep, resume tips and a salary estimate before it goes live."
    >
      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5 sm:p-6">
        <PostJobForm />
      </section>
    </ContentLayout>
  );
}
