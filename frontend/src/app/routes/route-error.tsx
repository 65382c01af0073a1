import { TriangleAlert } from 'lucide-react';
import { useRouteError } from 'react-router';
import { Button } from '@/components/ui/button';

/** Last resort when a page throws while rendering. */
export function RouteError() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);

  return (
    <main role="alert" className="flex min-h-dvh flex-col items-center justify-center px-4 text-center">
      <TriangleAlert aria-hidden="true" className="size-12 text-amber-500" />
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-slate-600">Please reload the page. If it keeps happening, try again later.</p>
      <Button className="mt-6" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </main>
  );
}
