import { api } from '@/lib/api-client';
import type { CurrentUser } from '@/types/api';

export async function getCurrentUser(): Promise<CurrentUser> {
  const response = await api.get<CurrentUser>('/users/me');
  return response.data;
}
