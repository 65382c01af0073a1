import type { AuthResponse, CurrentUser, Role } from '@/types/api';

const names: Record<Role, string> = {
  seeker: 'Sita Seeker',
  provider: 'Priya Provider',
  admin: 'Arun Admin',
};

export function buildUser(role: Role, overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: `user-${role}`,
    email: `${role}@example.com`,
    role,
    full_name: names[role],
    phone: null,
    location: null,
    created_at: '2025-01-15T10:00:00Z',
    updated_at: '2025-01-15T10:00:00Z',
    has_resume: false,
    email_status: 'verified',
    ...overrides,
  };
}

export function buildAuthResponse(user: CurrentUser): AuthResponse {
  const { id, email, role, full_name } = user;
  return {
    access_token: `token-for-${id}`,
    token_type: 'bearer',
    expires_in: 3600,
    refresh_token: `refresh-for-${id}`,
    refresh_expires_in: 14 * 24 * 3600,
    user: { id, email, role, full_name },
  };
}
