import { ContentLayout } from '@/components/layouts/content-layout';

// Placeholder: this feature is built in later work.
export function ChatPage() {
  return <ContentLayout title="Chat" description="Ask about jobs and get answers as you type." />;
}
