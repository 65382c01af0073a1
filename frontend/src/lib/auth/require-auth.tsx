import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { NotAllowed } from '@/components/errors/not-allowed';
import { ServerUnavailable } from '@/components/errors/server-unavailable';
import { FullPageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { homePathFor } from '@/config/navigation';
import type { Role } from '@/types/api';
import { useAuth } from './auth-provider';
import { returnStateFor } from './return-path';

type RequireAuthProps = {
  /** Leave out to allow any signed-in user. */
  allowedRoles?: readonly Role[];
  /** Visitors without an account may open these routes too (the public feed and job pages). */
  allowVisitors?: boolean;
  /** Defaults to the nested routes (<Outlet />). */
  children?: ReactNode;
};

/**
 * The one route guard. Nothing protected renders until the session is known:
 * anonymous users go to /login (remembering where they were going) unless the route allows visitors, and
 * signed-in users of another role get the "Not allowed" page instead.
 */
export function RequireAuth({ allowedRoles, allowVisitors = false, children }: RequireAuthProps) {
  const auth = useAuth();
  const location = useLocation();

  switch (auth.status) {
    case 'loading':
      return <FullPageSpinner label="Restoring your session" />;
    case 'unavailable':
      return <ServerUnavailable onRetry={auth.retry} />;
    case 'anonymous':
      if (allowVisitors) return children ?? <Outlet />;
      return <Navigate to={paths.login} replace state={returnStateFor(location)} />;
  }

  if (allowedRoles && !allowedRoles.includes(auth.user.role)) {
    return <NotAllowed homePath={homePathFor(auth.user.role)} />;
  }

  return children ?? <Outlet />;
}
