import { MessagesSquare } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { getErrorMessage } from '@/lib/api-client';
import { chatSessionPath, useMyChatSessions, useStartChatSession } from '../api/chat-api';
import { ChatConversationPanel } from './chat-conversation-panel';
import { ChatSessionList } from './chat-session-list';

/** /chat and /chat/:sessionId — the seeker's chats with the career coach. */
export function ChatPage() {
  const { sessionId } = useParams<{ sessionId?: string }>();
  const navigate = useNavigate();
  const sessions = useMyChatSessions();
  const start = useStartChatSession();
  const [startError, setStartError] = useState<string | null>(null);
  const { refetch } = sessions;
  const reloadSessions = useCallback(() => void refetch(), [refetch]);

  const startGeneralChat = async () => {
    setStartError(null);
    try {
      const session = await start.mutateAsync(null);
      navigate(chatSessionPath(session.id));
    } catch (error) {
      setStartError(getErrorMessage(error));
    }
  };

  return (
    <ContentLayout title="Chat" description="Talk to your career coach about interviews, your resume and the jobs you like.">
      {startError && (
        <Alert tone="error" className="mb-4">
          We couldn't start a chat. {startError}
        </Alert>
      )}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 md:grid-cols-[17rem_minmax(0,1fr)]">
        <ChatSessionList
          sessions={sessions.data}
          isLoading={sessions.isPending}
          error={sessions.error?.message ?? null}
          onRetry={reloadSessions}
          onNewChat={startGeneralChat}
          isStarting={start.isPending}
        />
        {sessionId ? (
          <ChatConversationPanel key={sessionId} sessionId={sessionId} onActivity={reloadSessions} />
        ) : (
          <EmptyState icon={MessagesSquare} title="Pick a chat or start a new one">
            Ask about interview preparation, your resume or any job — use “Talk to the coach” on a job page to chat about that job.
          </EmptyState>
        )}
      </div>
    </ContentLayout>
  );
}
