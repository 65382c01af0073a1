import { api } from '@/lib/api-client';
import type { Filled, Schemas } from '@/types/api';

export type ForgotPasswordInput = Filled<Schemas['ForgotPassword']>;
export type ResetPasswordInput = Filled<Schemas['ResetPassword']>;
type ForgotPasswordResponse = Schemas['ForgotPasswordResponse'];
type EmailStatusResponse = Schemas['EmailStatusResponse'];
type UnsubscribeResponse = Schemas['UnsubscribeResponse'];

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
