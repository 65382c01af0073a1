import { api } from '@/lib/api-client';

/** DELETE /api/users/me (204). The password confirms it; a wrong one is 403 and nothing is deleted. */
export async function deleteMyAccount(password: string): Promise<void> {
  await api.delete('/users/me', { data: { password } });
}
