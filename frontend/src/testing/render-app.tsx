import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { appRoutes } from '@/app/app-routes';
import { createTestQueryClient } from './query-client';

/** Renders the whole app (real routes, guard, auth provider and a fresh query cache) at a URL. */
export function renderApp(url: string, { queryClient = createTestQueryClient() } = {}) {
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, user, queryClient, currentPath: () => router.state.location.pathname };
}
