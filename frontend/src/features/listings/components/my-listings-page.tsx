import { ContentLayout } from '@/components/layouts/content-layout';

// Placeholder: this feature is built in later work.
export function MyListingsPage() {
  return <ContentLayout title="My listings" description="The jobs you have posted and how they are doing." />;
}
