import { ContentLayout } from '@/components/layouts/content-layout';

// Placeholder: this feature is built in later work.
export function ControlTowerPage() {
  return <ContentLayout title="Control Tower" description="The platform at a glance: activity, health and what needs attention." />;
}
