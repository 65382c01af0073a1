import type { RouteObject } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import { ChatPage } from '@/features/chat/components/chat-page';
import { ControlTowerPage } from '@/features/control-tower/components/control-tower-page';
import { HistoryPage } from '@/features/history/components/history-page';
import { IngestionPage } from '@/features/ingestion/components/ingestion-page';
import { PostJobPage } from '@/features/job-posting/components/post-job-page';
import { JobsPage } from '@/features/jobs/components/jobs-page';
import { MyListingsPage } from '@/features/listings/components/my-listings-page';
import { MatchPage } from '@/features/matching/components/match-page';
import { ProfilePage } from '@/features/profile/components/profile-page';
import { RequireAuth } from '@/lib/auth';
import { LoginRoute } from './routes/auth/login';
import { RegisterRoute } from './routes/auth/register';
import { JobDetailRoute } from './routes/jobs/job-detail';
import { NotFoundRoute } from './routes/not-found';
import { RootRedirect } from './routes/root-redirect';
import { RouteError } from './routes/route-error';

/** Every route of the app. Who may open what is decided here, by RequireAuth alone. */
export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { path: paths.root, element: <RootRedirect /> },
      { path: paths.login, element: <LoginRoute /> },
      { path: paths.register, element: <RegisterRoute /> },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            element: <RequireAuth allowedRoles={['seeker']} />,
            children: [
              { path: paths.seeker.jobs, element: <JobsPage /> },
              { path: paths.seeker.profile, element: <ProfilePage /> },
              { path: paths.seeker.chat, element: <ChatPage /> },
              { path: paths.seeker.jobMatch, element: <MatchPage /> },
              { path: `${paths.seeker.chat}/:sessionId`, element: <ChatPage /> },
            ],
          },
          {
            // Seekers, the provider who posted the job and admins; the API answers 404 for jobs a user may not see.
            element: <RequireAuth allowedRoles={['seeker', 'provider', 'admin']} />,
            children: [{ path: paths.jobDetail, element: <JobDetailRoute /> }],
          },
          {
            element: <RequireAuth allowedRoles={['provider']} />,
            children: [
              { path: paths.provider.newJob, element: <PostJobPage /> },
              { path: paths.provider.listings, element: <MyListingsPage /> },
            ],
          },
          {
            element: <RequireAuth allowedRoles={['admin']} />,
            children: [
              { path: paths.admin.controlTower, element: <ControlTowerPage /> },
              { path: paths.admin.ingestion, element: <IngestionPage /> },
              { path: paths.admin.history, element: <HistoryPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
