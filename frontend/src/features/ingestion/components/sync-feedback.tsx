import { Alert } from '@/components/ui/alert';
import type { SyncFeedback } from '../api/trigger-ingestion';

/** The outcome of a sync request, with the run it started or found running. */
export function SyncFeedbackAlert({ feedback, className }: { feedback: SyncFeedback; className?: string }) {
  return (
    <Alert tone={feedback.tone} className={className}>
      {feedback.message}
      {feedback.runId && (
        <>
          {' '}
          Run <code className="font-mono text-xs break-all">{feedback.runId}</code>
        </>
      )}
    </Alert>
  );
}
