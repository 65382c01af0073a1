import { Compass } from 'lucide-react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 text-center">
      <title>Page not found · Ottobon Jobs</title>
      <Compass aria-hidden="true" className="size-12 text-indigo-500" />
      <p className="mt-4 text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-600">We couldn't find the page you were looking for.</p>
      <Link
        to={paths.root}
        className="mt-6 inline-flex rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Go home
      </Link>
    </main>
  );
}
