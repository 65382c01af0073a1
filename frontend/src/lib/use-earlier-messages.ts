import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChatSessionDetails } from '@/types/api';

type EarlierPages = { hasEarlier: boolean; before: number | null };

/**
 * "Show earlier messages" for a conversation that loads its last page: older pages come on request, before the
 * oldest message shown. `fetchPage` reads the page before a message version; `onPage` adds its messages.
 */
export function useEarlierMessages(
  lastPage: ChatSessionDetails | undefined,
  fetchPage: (before: number) => Promise<ChatSessionDetails>,
  onPage: (page: ChatSessionDetails) => void,
) {
  const [loaded, setLoaded] = useState<EarlierPages | null>(null);
  const pages = loaded ?? { hasEarlier: lastPage?.has_earlier ?? false, before: lastPage?.messages[0]?.version ?? null };
  const earlier = useMutation({
    mutationFn: fetchPage,
    onSuccess: (page, before) => {
      onPage(page);
      setLoaded({ hasEarlier: page.has_earlier, before: page.messages[0]?.version ?? before });
    },
  });
  return { pages, earlier };
}
