import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { paths } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { login } from '../api/login';

/** On success the session starts and the route moves the user on (see RedirectIfSignedIn). */
export function LoginForm() {
  const { startSession } = useAuth();
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrorMessage(null);
    setSubmitting(true);
    try {
      startSession(
        await login({
          email: String(form.get('email')).trim(),
          password: String(form.get('password')),
        }),
      );
    } catch (error) {
      setErrorMessage(getErrorMessage(error));
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-4">
      {errorMessage && <Alert tone="error">{errorMessage}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <p className="text-right text-sm">
        <Link
          to={paths.forgotPassword}
          className="font-semibold text-indigo-700 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Forgot password?
        </Link>
      </p>
      <Button type="submit" className="w-full" isLoading={isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
