import { ContentLayout } from '@/components/layouts/content-layout';

// Placeholder: this feature is built in later work.
export function JobsPage() {
  return <ContentLayout title="Jobs" description="Jobs picked for you will appear here." />;
}
