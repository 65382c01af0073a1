import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { getErrorMessage } from '@/lib/api-client';
import { forgotPassword } from '../api/password-recovery';

/** Asks for a reset link; the answer is the same for every address (no account enumeration). */
export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrorMessage(null);
    setSubmitting(true);
    try {
      setSent((await forgotPassword({ email: String(form.get('email')).trim() })).message);
    } catch (error) {
      setErrorMessage(getErrorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  if (sent) return <Alert tone="success">{sent}</Alert>;
  return (
    <form onSubmit={handleSubmit} className="space-y-4">
      {errorMessage && <Alert tone="error">{errorMessage}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <Button type="submit" className="w-full" isLoading={isSubmitting}>
        Email me a reset link
      </Button>
    </form>
  );
}
