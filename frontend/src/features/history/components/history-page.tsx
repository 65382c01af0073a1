import { ContentLayout } from '@/components/layouts/content-layout';

// Placeholder: this feature is built in later work.
export function HistoryPage() {
  return <ContentLayout title="History" description="Past ingestion runs and what changed." />;
}
