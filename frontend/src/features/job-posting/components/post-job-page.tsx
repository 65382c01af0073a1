import { ContentLayout } from '@/components/layouts/content-layout';

// Placeholder: this feature is built in later work.
export function PostJobPage() {
  return <ContentLayout title="Post a job" description="Describe a role to publish it for students and early-career candidates." />;
}
