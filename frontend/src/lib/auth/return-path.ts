import type { Location } from 'react-router';
import { homePathFor, isPathForRole } from '@/config/navigation';
import type { Role } from '@/types/api';

/** What RequireAuth puts in the router state when it sends someone to /login. */
export type ReturnState = { from?: string };

export function returnStateFor(location: Location): ReturnState {
  return { from: `${location.pathname}${location.search}${location.hash}` };
}

/** Where to go after signing in: back where they were going if that is theirs, else their home. */
export function pathAfterSignIn(locationState: unknown, role: Role): string {
  const from = (locationState as ReturnState | null)?.from;
  if (typeof from === 'string' && isPathForRole(from.split(/[?#]/)[0], role)) return from;
  return homePathFor(role);
}
