export const paths = {
  root: '/',
  login: '/login',
  register: '/register',
  /** Every role's notifications (the bell opens the newest). */
  notifications: '/notifications',
  forgotPassword: '/forgot-password',
  /** The pages emailed links open (each reads ?token=). */
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
  unsubscribe: '/unsubscribe',
  seeker: {
    jobs: '/jobs',
    profile: '/profile',
    chat: '/chat',
    /** How well the seeker's resume fits one job. */
    jobMatch: '/jobs/:id/match',
    savedSearches: '/saved-searches',
    /** An alert's link: opens that saved search's results. */
    savedSearch: '/saved-searches/:id',
    /** The application tracker (Board and List). */
    applications: '/applications',
    /** One tracked application (a reminder's and a provider move's link). */
    application: '/applications/:id',
  },
  /** One job's page: seekers, the provider who posted it and admins open it. */
  jobDetail: '/jobs/:id',
  provider: {
    newJob: '/provider/jobs/new',
    listings: '/provider/jobs',
    /** One job's applicants (its provider and admins). */
    applicants: '/provider/jobs/:id/applicants',
  },
  admin: {
    controlTower: '/admin/control-tower',
    ingestion: '/admin/ingestion',
    history: '/admin/history',
  },
} as const;

export function jobDetailPath(jobId: string): string {
  return paths.jobDetail.replace(':id', encodeURIComponent(jobId));
}

/** The job page with its edit form open (for the job's owner or an admin). */
export function jobEditPath(jobId: string): string {
  return `${jobDetailPath(jobId)}?edit=1`;
}

/** The applicants of one job. */
export function jobApplicantsPath(jobId: string): string {
  return paths.provider.applicants.replace(':id', encodeURIComponent(jobId));
}

/** One tracked application's page. */
export function applicationPath(applicationId: string): string {
  return paths.seeker.application.replace(':id', encodeURIComponent(applicationId));
}

/** "Check my fit" for one job. */
export function jobMatchPath(jobId: string): string {
  return paths.seeker.jobMatch.replace(':id', encodeURIComponent(jobId));
}

/** The admin History page with a job already picked. */
export function jobHistoryPath(jobId: string): string {
  return `${paths.admin.history}?job=${encodeURIComponent(jobId)}`;
}

/** Sign-up with the role already picked (the home page's "as a seeker" and "as a provider" links). */
export function registerPath(role: 'seeker' | 'provider'): string {
  return `${paths.register}?role=${role}`;
}
