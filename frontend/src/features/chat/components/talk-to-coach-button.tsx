import { MessageCircle } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { getErrorMessage } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { chatSessionPath, useStartChatSession } from '../api/chat-api';

/** On a job page (seekers only): opens the chat about this job, starting it the first time. */
export function TalkToCoachButton({ job }: { job: { id: string } }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const startSession = useStartChatSession();
  // Stays on while the page moves to the chat.
  const [isStarting, setIsStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (user?.role !== 'seeker') return null;

  const start = async () => {
    setIsStarting(true);
    setError(null);
    try {
      const session = await startSession.mutateAsync(job.id);
      navigate(chatSessionPath(session.id));
    } catch (caught) {
      setError(getErrorMessage(caught));
      setIsStarting(false);
    }
  };

  return (
    <span className="inline-flex flex-col gap-1">
      <Button variant="secondary" onClick={start} isLoading={isStarting}>
        <MessageCircle aria-hidden="true" className="size-4" />
        Talk to the coach
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
