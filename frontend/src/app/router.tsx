import { useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { appRoutes } from './app-routes';

export function AppRouter() {
  const router = useMemo(() => createBrowserRouter(appRoutes), []);
  return <RouterProvider router={router} />;
}
