import { api } from '@/lib/api-client';
import type { AuthResponse, Filled, Narrowed, Role, Schemas } from '@/types/api';

/** Admins are not self-registered. */
export type SignupRole = Exclude<Role, 'admin'>;

export type SignupInput = Narrowed<Filled<Schemas['SignUp']>, { role: SignupRole }>;

export async function signup(input: SignupInput): Promise<AuthResponse> {
  const response = await api.post<AuthResponse>('/auth/signup', input);
  return response.data;
}
