import { type QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { AuthProvider, useAuth } from '@/lib/auth';
import { createQueryClient } from '@/lib/query';

/** The app's providers; tests pass their own query client (no retries, a fresh cache per test). */
export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AuthProvider>
        <ForgetDataOfPreviousUser />
        {children}
      </AuthProvider>
    </QueryClientProvider>
  );
}

/** Signing out (or in as someone else) drops every cached answer, so no page shows the previous user's data. */
function ForgetDataOfPreviousUser() {
  const queryClient = useQueryClient();
  const userId = useAuth().user?.id ?? null;
  const previous = useRef(userId);
  useEffect(() => {
    if (previous.current !== null && previous.current !== userId) queryClient.clear();
    previous.current = userId;
  }, [queryClient, userId]);
  return null;
}
