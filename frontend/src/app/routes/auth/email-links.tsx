import { Link, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { paths } from '@/config/paths';
import { UnsubscribeConfirmation, VerifyEmailResult } from '@/features/auth/components/email-link-pages';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';

const linkClass = 'font-semibold text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600';

function BackToSignIn() {
  return (
    <>
      Remembered it?{' '}
      <Link to={paths.login} className={linkClass}>
        Sign in
      </Link>
    </>
  );
}

export function ForgotPasswordRoute() {
  return (
    <AuthLayout title="Forgot your password?" description="Type your account's email address and we will email you a link to choose a new password." footer={<BackToSignIn />}>
      <ForgotPasswordForm />
    </AuthLayout>
  );
}

export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  return (
    <AuthLayout title="Choose a new password" description="At least 8 characters. Resetting signs you out on every device." footer={<BackToSignIn />}>
      <ResetPasswordForm token={params.get('token') ?? ''} />
    </AuthLayout>
  );
}

export function VerifyEmailRoute() {
  const [params] = useSearchParams();
  return (
    <AuthLayout title="Verify your email address">
      <VerifyEmailResult token={params.get('token') ?? ''} />
    </AuthLayout>
  );
}

export function UnsubscribeRoute() {
  const [params] = useSearchParams();
  return (
    <AuthLayout title="Turn off job alerts">
      <UnsubscribeConfirmation token={params.get('token') ?? ''} />
    </AuthLayout>
  );
}
