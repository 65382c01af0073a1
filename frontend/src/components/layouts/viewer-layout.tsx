import { useAuth } from '@/lib/auth';
import { AppLayout } from './app-layout';
import { PublicLayout } from './public-layout';

/** Signed-in users get the app shell with their sidebar; visitors the public header. Render it inside RequireAuth. */
export function ViewerLayout() {
  const auth = useAuth();
  return auth.status === 'authenticated' ? <AppLayout /> : <PublicLayout />;
}
