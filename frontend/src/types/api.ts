// Shapes of the backend's JSON (snake_case, as the API sends it).

export type Role = 'seeker' | 'provider' | 'admin';

/** The user as returned inside a login or signup response. */
export type SessionUser = {
  id: string;
  email: string;
  role: Role;
  full_name: string;
};

/** GET /api/users/me */
export type CurrentUser = SessionUser & {
  phone: string | null;
  location: string | null;
  created_at: string;
};

/** POST /api/auth/login and /api/auth/signup */
export type AuthResponse = {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  user: SessionUser;
};

/** Body of every error response. */
export type ApiErrorBody = {
  detail?: unknown;
  title?: unknown;
};
