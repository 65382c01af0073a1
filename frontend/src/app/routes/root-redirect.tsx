import { Navigate } from 'react-router';
import { FullPageSpinner } from '@/components/ui/spinner';
import { homePathFor } from '@/config/navigation';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';

/** "/" has no page of its own: signed-in users go to their role's home, others to sign in. */
export function RootRedirect() {
  const auth = useAuth();
  if (auth.status === 'loading') return <FullPageSpinner label="Restoring your session" />;
  if (auth.status === 'authenticated') return <Navigate to={homePathFor(auth.user.role)} replace />;
  return <Navigate to={paths.login} replace />;
}
