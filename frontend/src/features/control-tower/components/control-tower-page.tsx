import { Radar } from 'lucide-react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { useLiveAdminSessions } from '../api/control-tower-api';
import { SessionList } from './session-list';
import { SessionMonitor } from './session-monitor';

/** /admin/control-tower — live coaching chats: watch any of them, take over, reply, hand back. `?session=` picks one. */
export function ControlTowerPage() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const selectedId = searchParams.get('session');
  const { sessions, error, feed, reload } = useLiveAdminSessions();

  return (
    <ContentLayout title="Control Tower" description="Live coaching chats: watch a conversation, take it over and hand it back to the AI.">
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <SessionList
          sessions={sessions}
          error={error}
          feed={feed}
          selectedId={selectedId}
          onSelect={(id) => updateSearchParams({ session: id })}
          onRetry={reload}
        />
        {selectedId ? (
          <SessionMonitor key={selectedId} sessionId={selectedId} session={sessions?.find((session) => session.id === selectedId)} />
        ) : (
          <EmptyState icon={Radar} title="Pick a session to watch">
            Sessions with messages waiting for a human come first.
          </EmptyState>
        )}
      </div>
    </ContentLayout>
  );
}
