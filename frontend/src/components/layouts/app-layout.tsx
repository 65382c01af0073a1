import { LogOut, Menu, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { navigationByRole, roleLabels } from '@/config/navigation';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { Brand } from './brand';
import { EmailStatusNotice } from './email-status-notice';

const sidebarId = 'app-sidebar';

/** The signed-in shell: header, role-aware sidebar and the page. Render it inside RequireAuth. */
export function AppLayout() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [isMenuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    if (!isMenuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [isMenuOpen]);

  if (auth.status !== 'authenticated') return null;
  const { user } = auth;

  const handleLogout = () => {
    // Sign out first: the login page sends signed-in users away.
    auth.logout();
    navigate(paths.login, { replace: true });
  };

  return (
    <div className="min-h-dvh bg-slate-50">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="flex h-16 items-center gap-3 px-4 sm:px-6">
          <button
            type="button"
            className="-ml-2 rounded-lg p-2 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 md:hidden"
            aria-controls={sidebarId}
            aria-expanded={isMenuOpen}
            aria-label={isMenuOpen ? 'Close menu' : 'Open menu'}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {isMenuOpen ? <X aria-hidden="true" className="size-6" /> : <Menu aria-hidden="true" className="size-6" />}
          </button>
          <Link to={paths.root} className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600">
            <Brand compact />
          </Link>

          <div className="ml-auto flex items-center gap-2 sm:gap-4">
            <NotificationBell />
            <div className="text-right leading-tight">
              <p className="max-w-40 truncate text-sm font-semibold text-slate-900 sm:max-w-60">
                <span className="sr-only">Signed in as </span>
                {user.full_name}
              </p>
              <p className="text-xs text-slate-500">{roleLabels[user.role]}</p>
            </div>
            <Button variant="ghost" onClick={handleLogout}>
              <LogOut aria-hidden="true" className="size-4" />
              <span className="sr-only sm:not-sr-only">Log out</span>
            </Button>
          </div>
        </div>
      </header>

      {/* The sidebar column stretches to the page's full height (its background with it); its nav stays in view. */}
      <div className="md:flex md:min-h-[calc(100dvh-4rem)]">
        {isMenuOpen && (
          <div
            aria-hidden="true"
            className="fixed inset-x-0 top-16 bottom-0 z-30 bg-slate-900/30 md:hidden"
            onClick={() => setMenuOpen(false)}
          />
        )}
        <aside
          id={sidebarId}
          className={`${isMenuOpen ? 'fixed top-16 bottom-0 left-0 z-40 block w-72 pt-4 shadow-xl' : 'hidden'} border-r border-slate-200 bg-white px-3 md:static md:block md:w-64 md:shrink-0 md:pt-6 md:shadow-none`}
        >
          <nav aria-label="Main" className="md:sticky md:top-22">
            <ul className="space-y-1">
              {navigationByRole[user.role].map(({ label, path, icon: Icon }) => (
                <li key={path}>
                  <NavLink
                    to={path}
                    end
                    onClick={() => setMenuOpen(false)}
                    className={({ isActive }) =>
                      `flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                        isActive
                          ? 'bg-indigo-50 text-indigo-700'
                          : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
                      }`
                    }
                  >
                    <Icon aria-hidden="true" className="size-5 shrink-0" />
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </aside>

        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 focus:outline-none sm:px-8">
          <EmailStatusNotice />
          <Outlet />
        </main>
      </div>
    </div>
  );
}
