import { api } from '@/lib/api-client';
import type { AuthResponse, Filled, Schemas } from '@/types/api';

export type LoginInput = Filled<Schemas['LogIn']>;

export async function login(input: LoginInput): Promise<AuthResponse> {
  const response = await api.post<AuthResponse>('/auth/login', input);
  return response.data;
}
