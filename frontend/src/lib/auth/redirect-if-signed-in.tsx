import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpinner } from '@/components/ui/spinner';
import { useAuth } from './auth-provider';
import { pathAfterSignIn } from './return-path';

/** For the sign-in and registration pages: a signed-in user goes on to the app. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();

  if (auth.status === 'loading') return <FullPageSpinner label="Restoring your session" />;
  if (auth.status === 'authenticated') {
    return <Navigate to={pathAfterSignIn(location.state, auth.user.role)} replace />;
  }
  return children;
}
