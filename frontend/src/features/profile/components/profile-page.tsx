import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FullPageSpinner } from '@/components/ui/spinner';
import { roleLabels } from '@/config/navigation';
import { useAuth } from '@/lib/auth';
import { useRef } from 'react';
import { type LoadedProfile, useMyProfile } from '../api/get-my-profile';
import { ProfileForm } from './profile-form';
import { DeleteAccountSection } from './delete-account-section';
import { ResumeSection } from './resume-section';

export function ProfilePage() {
  const { updateUser } = useAuth();
  // Unsaved edits keep the version they started from, so a change made elsewhere meanwhile is refused, not overwritten.
  const editing = useRef(false);
  const { state, reload, refresh, replaceProfile } = useMyProfile(editing);

  const handleSaved = (saved: LoadedProfile) => {
    replaceProfile(saved);
    updateUser({ full_name: saved.profile.full_name, email: saved.profile.email });
  };

  return (
    <ContentLayout title="Profile" description="Your account details and resume. Employers see your name and location.">
      {state.status === 'loading' && <FullPageSpinner label="Loading your profile" />}
      {state.status === 'error' && (
        <div className="space-y-3">
          <Alert tone="error">{state.message}</Alert>
          <Button variant="secondary" onClick={reload}>
            Try again
          </Button>
        </div>
      )}
      {state.status === 'loaded' && (
        <div className="grid gap-6 lg:grid-cols-3">
          <section
            aria-labelledby="account-title"
            className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-900/5 lg:col-span-1"
          >
            <h2 id="account-title" className="text-lg font-semibold text-slate-900">
              Account
            </h2>
            <dl className="mt-4 space-y-3 text-sm">
              <ProfileFact term="Email" value={state.profile.email} />
              <ProfileFact term="Role" value={roleLabels[state.profile.role]} />
              <ProfileFact term="Member since" value={formatDate(state.profile.created_at)} />
            </dl>
          </section>
          <section className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-900/5 lg:col-span-2">
            <ProfileForm
              profile={state.profile}
              version={state.version}
              onSaved={handleSaved}
              onEditing={(isEditing) => (editing.current = isEditing)}
              onReload={() => {
                editing.current = false;
                reload();
              }}
            />
          </section>
          <div className="lg:col-span-3">
            {/* A resume upload (and its embedding) moves the user stream's version: take the new one. */}
            <ResumeSection onChanged={refresh} />
          </div>
          {state.profile.role !== 'admin' && (
            <div className="lg:col-span-3">
              <DeleteAccountSection />
            </div>
          )}
        </div>
      )}
    </ContentLayout>
  );
}

function ProfileFact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{term}</dt>
      <dd className="font-medium break-words text-slate-900">{value}</dd>
    </div>
  );
}

function formatDate(isoDate: string): string {
  const date = new Date(isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : date.toLocaleDateString(undefined, { dateStyle: 'long' });
}
