import { api } from '@/lib/api-client';
import type { AuthResponse } from '@/types/api';

export type LoginInput = {
  email: string;
  password: string;
};

export async function login(input: LoginInput): Promise<AuthResponse> {
  const response = await api.post<AuthResponse>('/auth/login', input);
  return response.data;
}
