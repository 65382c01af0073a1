import { api } from '@/lib/api-client';
import type { AuthResponse, Role } from '@/types/api';

/** Admins are not self-registered. */
export type SignupRole = Exclude<Role, 'admin'>;

export type SignupInput = {
  email: string;
  password: string;
  full_name: string;
  role: SignupRole;
};

export async function signup(input: SignupInput): Promise<AuthResponse> {
  const response = await api.post<AuthResponse>('/auth/signup', input);
  return response.data;
}
