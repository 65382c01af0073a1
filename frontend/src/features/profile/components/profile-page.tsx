import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FullPageSpinner } from '@/components/ui/spinner';
import { roleLabels } from '@/config/navigation';
import { useAuth } from '@/lib/auth';
import { useState } from 'react';
import { type LoadedProfile, sameDetails, useMyProfile } from '../api/get-my-profile';
import { ProfileForm } from './profile-form';
import { DeleteAccountSection } from './delete-account-section';
import { ResumeSection } from './resume-section';

export function ProfilePage() {
  const { updateUser } = useAuth();
  const query = useMyProfile();
  // Unsaved edits keep the version they started from, so a change made elsewhere meanwhile is refused, not
  // overwritten. A newer version with the details shown (e.g. moved by a resume upload) is simply taken.
  const [editingFrom, setEditingFrom] = useState<LoadedProfile | null>(null);
  // Reloading drops what was typed: the form starts again from the profile as it is now.
  const [formKey, setFormKey] = useState(0);
  const fresh = query.data;
  const shown = editingFrom && fresh && !sameDetails(editingFrom.profile, fresh.profile) ? editingFrom : fresh;

  const handleSaved = (saved: LoadedProfile) => {
    updateUser({ full_name: saved.profile.full_name, email: saved.profile.email });
  };
  const reload = () => {
    setEditingFrom(null);
    setFormKey((current) => current + 1);
    void query.refetch();
  };

  return (
    <ContentLayout title="Profile" description="Your account details and resume. Employers see your name and location.">
      {query.isPending && <FullPageSpinner label="Loading your profile" />}
      {!shown && query.isError && (
        <div className="space-y-3">
          <Alert tone="error">{query.error.message}</Alert>
          <Button variant="secondary" onClick={reload}>
            Try again
          </Button>
        </div>
      )}
      {shown && (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <section
            aria-labelledby="account-title"
            className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-900/5 lg:col-span-1"
          >
            <h2 id="account-title" className="text-lg font-semibold text-slate-900">
              Account
            </h2>
            <dl className="mt-4 space-y-3 text-sm">
              <ProfileFact term="Email" value={shown.profile.email} />
              <ProfileFact term="Role" value={roleLabels[shown.profile.role]} />
              <ProfileFact term="Member since" value={formatDate(shown.profile.created_at)} />
            </dl>
          </section>
          <section className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-900/5 lg:col-span-2">
            <ProfileForm
              key={formKey}
              profile={shown.profile}
              version={shown.version}
              onSaved={handleSaved}
              onEditing={(isEditing) => setEditingFrom((current) => (isEditing ? (current ?? shown) : null))}
              onReload={reload}
            />
          </section>
          <div className="lg:col-span-3">
            <ResumeSection />
          </div>
          {shown.profile.role !== 'admin' && (
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
