import { Link } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { paths } from '@/config/paths';
import { RegisterForm } from '@/features/auth/components/register-form';
import { RedirectIfSignedIn } from '@/lib/auth';

export function RegisterRoute() {
  return (
    <RedirectIfSignedIn>
      <AuthLayout
        title="Create your account"
        description="Find your first job, or hire people starting out."
        footer={
          <>
            Already have an account?{' '}
            <Link
              to={paths.login}
              className="font-semibold text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              Sign in
            </Link>
          </>
        }
      >
        <RegisterForm />
      </AuthLayout>
    </RedirectIfSignedIn>
  );
}
