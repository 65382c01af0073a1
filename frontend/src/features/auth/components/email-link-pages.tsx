import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { unsubscribeFromAlerts, verifyEmail } from '../api/password-recovery';

const linkClass = 'font-semibold text-indigo-700 underline hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600';

type Outcome = { tone: 'success' | 'error'; message: string } | null;

/** Verifies the address as soon as the page opens (the emailed link is the user's click). */
export function VerifyEmailResult({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<Outcome>(
      token ? null : { tone: 'error', message: 'This page needs the link from the verification email.' });
  const started = useRef(false);

  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    verifyEmail(token).then(
      () => setOutcome({ tone: 'success', message: 'Your email address is verified. Job alerts can now reach you.' }),
      (error: unknown) => setOutcome({ tone: 'error', message: getErrorMessage(error) }),
    );
  }, [token]);

  if (!outcome)
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <Spinner /> Verifying your email address…
      </p>
    );
  return (
    <Alert tone={outcome.tone}>
      {outcome.message} <Link to={paths.root} className={linkClass}>Continue to Ottobon Jobs</Link>.
    </Alert>
  );
}

/** The landing page of an alert email's unsubscribe link: nothing changes until the user confirms. */
export function UnsubscribeConfirmation({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function confirm() {
    setSubmitting(true);
    try {
      await unsubscribeFromAlerts(token);
      setOutcome({ tone: 'success', message: 'Alerts for this saved search are off. The search itself is still saved.' });
    } catch (error) {
      setOutcome({ tone: 'error', message: getErrorMessage(error) });
    } finally {
      setSubmitting(false);
    }
  }

  if (outcome) return <Alert tone={outcome.tone}>{outcome.message}</Alert>;
  if (!token) return <Alert tone="error">This page needs the unsubscribe link from an alert email.</Alert>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">You will stop getting emails about new jobs for this saved search.</p>
      <Button className="w-full" isLoading={isSubmitting} onClick={confirm}>
        Turn off these alerts
      </Button>
    </div>
  );
}
