import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { getErrorMessage } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { signup, type SignupRole } from '../api/signup';
import { RoleRadioGroup } from './role-radio-group';
import { apiLimits } from '@/lib/api-limits.generated';

const minimumPasswordLength = apiLimits.schemas.SignUp.password.minLength;

/**
 * On success the session starts and the route moves the user to their role's home. `?role=provider` in the URL
 * (the home page's provider link) picks the role beforehand.
 */
export function RegisterForm() {
  const { startSession } = useAuth();
  const [searchParams] = useSearchParams();
  const [role, setRole] = useState<SignupRole>(() => (searchParams.get('role') === 'provider' ? 'provider' : 'seeker'));
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrorMessage(null);
    setSubmitting(true);
    try {
      startSession(
        await signup({
          full_name: String(form.get('full_name')).trim(),
          email: String(form.get('email')).trim(),
          password: String(form.get('password')),
          role,
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
      <TextField label="Full name" name="full_name" autoComplete="name" required />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={minimumPasswordLength}
        hint={`At least ${minimumPasswordLength} characters.`}
        required
      />
      <RoleRadioGroup name="role" value={role} onChange={setRole} />
      <Button type="submit" className="w-full" isLoading={isSubmitting}>
        Create account
      </Button>
    </form>
  );
}
