import { SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner } from '@/components/ui/spinner';
import type { UseQueryResult } from '@tanstack/react-query';

/**
 * What to show instead of a job's or a chat's replay while its history is loading, missing (404), failed to load
 * or empty; null once there are events to replay.
 */
export function historyNotReady(history: UseQueryResult<unknown[]>, what: 'job' | 'chat', id: string): ReactNode | null {
  if (history.isPending) return <FullPageSpinner label={`Loading the ${what}'s history`} />;
  if (history.status === 'error') {
    if (history.error?.status === 404) {
      return (
        <EmptyState icon={SearchX} title={`No ${what} with this ID`}>
          <span className="break-all">{id}</span>
        </EmptyState>
      );
    }
    return (
      <div className="space-y-3">
        <Alert tone="error">
          We couldn't load this {what}'s history. {history.error?.message}
        </Alert>
        <Button variant="secondary" onClick={() => void history.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if ((history.data ?? []).length === 0) return <EmptyState icon={SearchX} title={`This ${what} has no events yet`} />;
  return null;
}
