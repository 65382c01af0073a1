import { BriefcaseBusiness, MessagesSquare } from 'lucide-react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { type TabItem, Tabs } from '@/components/ui/tabs';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { ChatHistoryView } from './chat-history-view';
import { JobHistoryView } from './job-history-view';
import { JobStatsPanel } from './job-stats-panel';

/**
 * Replays what happened. Each kind of history is a tab: jobs now; chat sessions join as a "Chats" tab
 * (add an entry to `sections`, e.g. `{ id: 'chats', label: 'Chats', content: <ChatHistoryView /> }`).
 * The open tab is kept in `?view=`.
 */
export function HistoryPage() {
  const [searchParams, updateSearchParams] = useSearchParamState();

  const sections: TabItem[] = [
    {
      id: 'jobs',
      label: (
        <span className="inline-flex items-center gap-2">
          <BriefcaseBusiness aria-hidden="true" className="size-4" />
          Jobs
        </span>
      ),
      content: (
        <div className="space-y-6">
          <JobStatsPanel />
          <JobHistoryView />
        </div>
      ),
    },
    {
      id: 'chats',
      label: (
        <span className="inline-flex items-center gap-2">
          <MessagesSquare aria-hidden="true" className="size-4" />
          Chats
        </span>
      ),
      content: <ChatHistoryView />,
    },
  ];

  return (
    <ContentLayout title="History" description="Replay any job or chat event by event, and see it as it was at each step.">
      <Tabs
        label="History"
        tabs={sections}
        selectedId={searchParams.get('view') ?? sections[0].id}
        onSelect={(id) => updateSearchParams({ view: id === sections[0].id ? null : id })}
      />
    </ContentLayout>
  );
}
