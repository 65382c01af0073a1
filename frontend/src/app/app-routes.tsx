import type { RouteObject } from 'react-router';
import { PublicLayout } from '@/components/layouts/public-layout';
import { ViewerLayout } from '@/components/layouts/viewer-layout';
import { paths } from '@/config/paths';
import { RedirectIfSignedIn, RequireAuth } from '@/lib/auth';
import { lazyPage } from './lazy-page';
import { ForgotPasswordRoute, ResetPasswordRoute, UnsubscribeRoute, VerifyEmailRoute } from './routes/auth/email-links';
import { LoginRoute } from './routes/auth/login';
import { RegisterRoute } from './routes/auth/register';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

// Pages are split into their own chunks (see lazy-page.tsx); the shell, the guards and the sign-in pages stay
// in the entry chunk. Both chat routes share one element, so switching sessions keeps the page mounted.
const chatPage = lazyPage(() => import('@/features/chat/components/chat-page').then((m) => m.ChatPage));

/**
 * Every route of the app. Who may open what is decided here, by RequireAuth alone: visitors without an account
 * open the home page, the feed and job pages (in the public layout); everything else needs a signed-in role.
 */
export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        // Signed-in users land on their role's home; visitors get the home page.
        path: paths.root,
        element: (
          <RedirectIfSignedIn>
            <PublicLayout />
          </RedirectIfSignedIn>
        ),
        children: [{ index: true, element: lazyPage(() => import('@/features/home/components/home-page').then((m) => m.HomePage)) }],
      },
      { path: paths.login, element: <LoginRoute /> },
      { path: paths.register, element: <RegisterRoute /> },
      // Anyone with an emailed link opens these, signed in or not.
      { path: paths.forgotPassword, element: <ForgotPasswordRoute /> },
      { path: paths.resetPassword, element: <ResetPasswordRoute /> },
      { path: paths.verifyEmail, element: <VerifyEmailRoute /> },
      { path: paths.unsubscribe, element: <UnsubscribeRoute /> },
      {
        element: (
          <RequireAuth allowVisitors>
            <ViewerLayout />
          </RequireAuth>
        ),
        children: [
          {
            element: <RequireAuth allowedRoles={['seeker']} allowVisitors />,
            children: [{ path: paths.seeker.jobs, element: lazyPage(() => import('@/features/jobs/components/jobs-page').then((m) => m.JobsPage)) }],
          },
          {
            element: <RequireAuth allowedRoles={['seeker']} />,
            children: [
              { path: paths.seeker.profile, element: lazyPage(() => import('@/features/profile/components/profile-page').then((m) => m.ProfilePage)) },
              { path: paths.seeker.chat, element: chatPage },
              { path: paths.seeker.jobMatch, element: lazyPage(() => import('@/features/matching/components/match-page').then((m) => m.MatchPage)) },
              { path: `${paths.seeker.chat}/:sessionId`, element: chatPage },
              { path: paths.seeker.savedSearches, element: lazyPage(() => import('@/features/saved-searches/components/saved-searches-page').then((m) => m.SavedSearchesPage)) },
              { path: paths.seeker.savedSearch, element: lazyPage(() => import('@/features/saved-searches/components/saved-searches-page').then((m) => m.SavedSearchResultsRedirect)) },
              { path: paths.seeker.applications, element: lazyPage(() => import('@/features/applications/components/applications-page').then((m) => m.ApplicationsPage)) },
              { path: paths.seeker.application, element: lazyPage(() => import('@/features/applications/components/application-page').then((m) => m.ApplicationPage)) },
            ],
          },
          {
            // Visitors, seekers, the provider who posted the job and admins; the API answers 404 for jobs a user may not see.
            element: <RequireAuth allowedRoles={['seeker', 'provider', 'admin']} allowVisitors />,
            children: [{ path: paths.jobDetail, element: lazyPage(() => import('./routes/jobs/job-detail').then((m) => m.JobDetailRoute)) }],
          },
          {
            element: <RequireAuth allowedRoles={['seeker', 'provider', 'admin']} />,
            children: [
              { path: paths.notifications, element: lazyPage(() => import('@/features/notifications/components/notifications-page').then((m) => m.NotificationsPage)) },
            ],
          },
          {
            element: <RequireAuth allowedRoles={['provider']} />,
            children: [
              { path: paths.provider.newJob, element: lazyPage(() => import('@/features/job-posting/components/post-job-page').then((m) => m.PostJobPage)) },
              { path: paths.provider.listings, element: lazyPage(() => import('@/features/listings/components/my-listings-page').then((m) => m.MyListingsPage)) },
            ],
          },
          {
            element: <RequireAuth allowedRoles={['provider', 'admin']} />,
            children: [
              { path: paths.provider.applicants, element: lazyPage(() => import('@/features/applicants/components/applicants-page').then((m) => m.ApplicantsPage)) },
            ],
          },
          {
            element: <RequireAuth allowedRoles={['admin']} />,
            children: [
              { path: paths.admin.controlTower, element: lazyPage(() => import('@/features/control-tower/components/control-tower-page').then((m) => m.ControlTowerPage)) },
              { path: paths.admin.ingestion, element: lazyPage(() => import('@/features/ingestion/components/ingestion-page').then((m) => m.IngestionPage)) },
              { path: paths.admin.history, element: lazyPage(() => import('@/features/history/components/history-page').then((m) => m.HistoryPage)) },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
