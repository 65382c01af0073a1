import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { api, getErrorMessage } from '@/lib/api-client';
import { useMe } from '@/lib/me';

/**
 * Above every signed-in page while the address is not verified ("Verify your email address", with Resend) or the
 * mail server refused it for good (nothing is mailed to it until a resent link is followed).
 */
export function EmailStatusNotice() {
  // The session's user carries no email status; the profile does (and a verification in another tab shows on focus).
  const { data: status } = useMe((loaded) => loaded.profile.email_status);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [isSending, setSending] = useState(false);
  if (status === undefined || status === 'verified') return null;

  async function resend() {
    setSending(true);
    setMessage(null);
    try {
      await api.post('/users/me/verification-email');
      setMessage({ tone: 'success', text: 'We sent you a new verification link. It works for 2 days.' });
    } catch (error) {
      setMessage({ tone: 'error', text: getErrorMessage(error) });
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="email-status-title" className="mb-6 space-y-2">
      <Alert tone="warning">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <div className="min-w-0 flex-1">
            <h2 id="email-status-title" className="font-semibold">
              {status === 'undeliverable' ? 'We cannot deliver email to your address' : 'Verify your email address'}
            </h2>
            <p>
              {status === 'undeliverable'
                ? 'Your mail server refused our emails, so we stopped sending job alerts. Check the address, then ask for a new verification link.'
                : 'Open the link we emailed you, so job alerts and password resets can reach you.'}
            </p>
          </div>
          <Button variant="secondary" onClick={resend} isLoading={isSending}>
            Resend
          </Button>
        </div>
      </Alert>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </section>
  );
}
