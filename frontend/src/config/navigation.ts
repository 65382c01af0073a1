import {
  BellRing,
  Briefcase,
  Database,
  History,
  LayoutList,
  type LucideIcon,
  MessageSquare,
  Radar,
  SquareKanban,
  SquarePlus,
  UserRound,
} from 'lucide-react';
import type { Role } from '@/types/api';
import { paths } from './paths';

export type NavigationItem = {
  label: string;
  path: string;
  icon: LucideIcon;
};

/** The sidebar of each role. The first item is where that role lands after signing in. */
export const navigationByRole: Record<Role, NavigationItem[]> = {
  seeker: [
    { label: 'Jobs', path: paths.seeker.jobs, icon: Briefcase },
    { label: 'Saved searches', path: paths.seeker.savedSearches, icon: BellRing },
    { label: 'My applications', path: paths.seeker.applications, icon: SquareKanban },
    { label: 'Profile', path: paths.seeker.profile, icon: UserRound },
    { label: 'Chat', path: paths.seeker.chat, icon: MessageSquare },
  ],
  provider: [
    { label: 'Post a job', path: paths.provider.newJob, icon: SquarePlus },
    { label: 'My listings', path: paths.provider.listings, icon: LayoutList },
  ],
  admin: [
    { label: 'Control Tower', path: paths.admin.controlTower, icon: Radar },
    { label: 'Ingestion', path: paths.admin.ingestion, icon: Database },
    { label: 'History', path: paths.admin.history, icon: History },
  ],
};

export const roleLabels: Record<Role, string> = {
  seeker: 'Job seeker',
  provider: 'Job provider',
  admin: 'Admin',
};

export function homePathFor(role: Role): string {
  return navigationByRole[role][0].path;
}

/** Whether a path belongs to one of the role's own sections (used to honour "where they were going"). */
export function isPathForRole(path: string, role: Role): boolean {
  // Every role may open a job's page (the API decides which jobs each one sees).
  if (/^\/jobs\/[^/]+$/.test(path)) return true;
  return navigationByRole[role].some(
    (item) => path === item.path || path.startsWith(`${item.path}/`),
  );
}
