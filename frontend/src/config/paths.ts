export const paths = {
  root: '/',
  login: '/login',
  register: '/register',
  seeker: {
    jobs: '/jobs',
    profile: '/profile',
    chat: '/chat',
  },
  provider: {
    newJob: '/provider/jobs/new',
    listings: '/provider/jobs',
  },
  admin: {
    controlTower: '/admin/control-tower',
    ingestion: '/admin/ingestion',
    history: '/admin/history',
  },
} as const;
