import { MessagesSquare } from 'lucide-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { getErrorMessage } from '@/lib/api-client';
import { chatSessionPath, startChatSession, useMyChatSessions } from '../api/chat-api';
import { ChatConversationPanel } from './chat-conversation-panel';
import { ChatSessionList } from './chat-session-list';

/** /chat and /chat/:sessionId — the seeker's chats with the career coach. */
export function ChatPage() {
  const { sessionId } = useParams<{ sessionId?: string }>();
  const navigate = useNavigate();
  const sessions = useMyChatSessions();
  const [isStarting, setIsStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  const startGeneralChat = async () => {
    setIsStarting(true);
    setStartError(null);
    try {
      const session = await startChatSession();
      sessions.reload();
      navigate(chatSessionPath(session.id));
    } catch (error) {
      setStartError(getErrorMessage(error));
    } finally {
      setIsStarting(false);
    }
  };

  return (
    <ContentLayout title="Chat" description="Talk to your career coach about interviews, your resume and the jobs you like.">
      {startError && (
        <Alert tone="error" className="mb-4">
          We couldn't start a chat. {startError}
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-[17rem_minmax(0,1fr)]">
        <ChatSessionList
          sessions={sessions.data}
          isLoading={sessions.status === 'loading'}
          error={sessions.error?.message ?? null}
          onRetry={sessions.reload}
          onNewChat={startGeneralChat}
          isStarting={isStarting}
        />
        {sessionId ? (
          <ChatConversationPanel key={sessionId} sessionId={sessionId} onActivity={sessions.reload} />
        ) : (
          <EmptyState icon={MessagesSquare} title="Pick a chat or start a new one">
            Ask about interview preparation, your resume or any job — use “Talk to the coach” on a job page to chat about that job.
          </EmptyState>
        )}
      </div>
    </ContentLayout>
  );
}
