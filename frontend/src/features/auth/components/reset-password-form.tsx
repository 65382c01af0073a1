import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { paths } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { resetPassword } from '../api/password-recovery';

const linkClass = 'font-semibold text-indigo-700 underline hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600';

/** Sets a new password from the emailed link's token; every session of the account ends. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('new_password'));
    if (newPassword !== String(form.get('confirm_password'))) {
      setErrorMessage('The two passwords are not the same.');
      return;
    }
    setErrorMessage(null);
    setSubmitting(true);
    try {
      await resetPassword({ token, new_password: newPassword });
      setDone(true);
    } catch (error) {
      setErrorMessage(getErrorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  if (!token)
    return (
      <Alert tone="error">
        This page needs the link from the email. <Link to={paths.forgotPassword} className={linkClass}>Ask for a new link</Link>.
      </Alert>
    );
  if (done)
    return (
      <Alert tone="success">
        Your password has been changed and you were signed out everywhere. <Link to={paths.login} className={linkClass}>Sign in</Link> with the new one.
      </Alert>
    );
  return (
    <form onSubmit={handleSubmit} className="space-y-4">
      {errorMessage && (
        <Alert tone="error">
          {errorMessage} <Link to={paths.forgotPassword} className={linkClass}>Ask for a new link</Link>.
        </Alert>
      )}
      <TextField label="New password" name="new_password" type="password" autoComplete="new-password" minLength={8} required />
      <TextField label="Repeat the new password" name="confirm_password" type="password" autoComplete="new-password" minLength={8} required />
      <Button type="submit" className="w-full" isLoading={isSubmitting}>
        Set the new password
      </Button>
    </form>
  );
}
