import { Link, useLocation } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { paths } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import { RedirectIfSignedIn } from '@/lib/auth';

export function LoginRoute() {
  const location = useLocation();
  return (
    <RedirectIfSignedIn>
      <AuthLayout
        title="Sign in"
        description="Welcome back. Sign in to continue to Ottobon Jobs."
        footer={
          <>
            New to Ottobon Jobs?{' '}
            <Link
              to={paths.register}
              state={location.state}
              className="font-semibold text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              Create an account
            </Link>
          </>
        }
      >
        <LoginForm />
      </AuthLayout>
    </RedirectIfSignedIn>
  );
}
