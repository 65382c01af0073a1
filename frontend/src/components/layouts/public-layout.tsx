import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { returnStateFor } from '@/lib/auth';
import { Brand } from './brand';

const linkStyle =
  'rounded-lg px-2 py-2 text-sm font-semibold whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 sm:px-3';

/**
 * The shell for visitors without an account: the home page, the feed and job pages. A header with the brand and
 * the ways in, no sidebar (the same look on phones).
 */
export function PublicLayout() {
  // Signing in from a job page comes back to it.
  const location = useLocation();
  return (
    <div className="min-h-dvh bg-slate-50">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-2 px-4 sm:px-6">
          <Link to={paths.root} className="shrink-0 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600">
            <Brand compact />
          </Link>
          <nav aria-label="Main" className="ml-auto">
            <ul className="flex items-center gap-1 sm:gap-2">
              <li>
                <NavLink
                  to={paths.seeker.jobs}
                  end
                  className={({ isActive }) => `${linkStyle} ${isActive ? 'text-indigo-700' : 'text-slate-700 hover:text-slate-900'}`}
                >
                  Browse jobs
                </NavLink>
              </li>
              <li>
                <Link to={paths.login} state={returnStateFor(location)} className={`${linkStyle} text-slate-700 hover:text-slate-900`}>
                  Sign in
                </Link>
              </li>
              <li>
                <Link to={paths.register} className={`${linkStyle} bg-indigo-600 text-white shadow-sm hover:bg-indigo-500`}>
                  Create account
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="min-w-0 px-4 py-8 focus:outline-none sm:px-8">
        <Outlet />
      </main>
    </div>
  );
}
