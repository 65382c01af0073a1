import { api } from '@/lib/api-client';
// Written by hand until frontend/openapi.json is regenerated with the email endpoints (then use Schemas[...]).
export type ForgotPasswordInput = { email: string };
export type ResetPasswordInput = { token: string; new_password: string };
type ForgotPasswordResponse = { message: string };
type EmailStatusResponse = { email_status: 'unverified' | 'verified' | 'undeliverable' };
type UnsubscribeResponse = { saved_search_id: string };

/** Always answers the same whether or not the address has an account. */
export async function forgotPassword(input: ForgotPasswordInput): Promise<ForgotPasswordResponse> {
  const response = await api.post<ForgotPasswordResponse>('/auth/forgot-password', input);
  return response.data;
}

export async function resetPassword(input: ResetPasswordInput): Promise<void> {
  await api.post('/auth/reset-password', input);
}

export async function verifyEmail(token: string): Promise<EmailStatusResponse> {
  const response = await api.post<EmailStatusResponse>('/auth/verify-email', { token });
  return response.data;
}

export async function unsubscribeFromAlerts(token: string): Promise<UnsubscribeResponse> {
  const response = await api.post<UnsubscribeResponse>(`/email/unsubscribe?token=${encodeURIComponent(token)}`);
  return response.data;
}
