import { ShieldX } from 'lucide-react';
import { Link } from 'react-router';

/** The 403 page: shown in place of a page the signed-in user's role may not open. */
export function NotAllowed({ homePath }: { homePath: string }) {
  return (
    <section aria-labelledby="not-allowed-title" className="mx-auto max-w-lg py-16 text-center">
      <ShieldX aria-hidden="true" className="mx-auto size-12 text-red-500" />
      <p className="mt-4 text-sm font-semibold text-red-600">403</p>
      <h1 id="not-allowed-title" className="mt-1 text-2xl font-bold tracking-tight text-slate-900">
        Not allowed
      </h1>
      <p className="mt-2 text-slate-600">Your account doesn't have access to this page.</p>
      <Link
        to={homePath}
        className="mt-6 inline-flex rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Go to your home page
      </Link>
    </section>
  );
}
