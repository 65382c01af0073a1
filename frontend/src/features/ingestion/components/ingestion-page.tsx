import { ContentLayout } from '@/components/layouts/content-layout';

// Placeholder: this feature is built in later work.
export function IngestionPage() {
  return <ContentLayout title="Ingestion" description="Bring in jobs from outside sources and follow each run." />;
}
