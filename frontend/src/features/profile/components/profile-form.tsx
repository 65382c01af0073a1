import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { getErrorMessage } from '@/lib/api-client';
import { isStaleVersion } from '@/lib/stream-version';
import type { CurrentUser } from '@/types/api';
import type { LoadedProfile } from '../api/get-my-profile';
import { type ProfileChanges, useUpdateMyProfile } from '../api/update-my-profile';

type ProfileFormProps = {
  profile: CurrentUser;
  /** The version the shown profile was read at, sent as If-Match. */
  version: number | null;
  onSaved: (saved: LoadedProfile) => void;
  /** The person typed something not saved yet (true) or saved it (false). */
  onEditing: (editing: boolean) => void;
  /** Load the profile again, dropping what was typed (after it changed elsewhere). */
  onReload: () => void;
};

type Feedback = { tone: 'success' | 'error'; message: string; stale?: boolean } | null;

export const profileChangedMessage = 'Your profile changed since you opened it.';

export function ProfileForm({ profile, version, onSaved, onEditing, onReload }: ProfileFormProps) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const update = useUpdateMyProfile();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const changes = changedFields(profile, {
      full_name: String(form.get('full_name')).trim(),
      phone: String(form.get('phone')).trim(),
      location: String(form.get('location')).trim(),
    });

    if (Object.keys(changes).length === 0) {
      setFeedback({ tone: 'success', message: 'Nothing to save: your profile is up to date.' });
      return;
    }

    setFeedback(null);
    try {
      const saved = await update.mutateAsync({ changes, version });
      onEditing(false);
      onSaved(saved);
      setFeedback({ tone: 'success', message: 'Your profile has been saved.' });
    } catch (error) {
      setFeedback(
        isStaleVersion(error)
          ? { tone: 'error', message: `${profileChangedMessage} Reload it to see the changes, then edit again.`, stale: true }
          : { tone: 'error', message: getErrorMessage(error) },
      );
    }
  }

  return (
    <form
      onSubmit={handleSubmit}
      onInput={() => onEditing(true)}
      className="space-y-4"
      aria-labelledby="profile-form-title"
    >
      <h2 id="profile-form-title" className="text-lg font-semibold text-slate-900">
        Edit your details
      </h2>
      {feedback && (
        <Alert tone={feedback.tone}>
          {feedback.message}
          {feedback.stale && (
            <Button variant="secondary" className="ml-3" onClick={onReload}>
              Reload profile
            </Button>
          )}
        </Alert>
      )}
      <TextField label="Full name" name="full_name" autoComplete="name" defaultValue={profile.full_name} required />
      <TextField label="Phone" name="phone" type="tel" autoComplete="tel" defaultValue={profile.phone ?? ''} />
      <TextField
        label="Location"
        name="location"
        autoComplete="address-level2"
        hint="City and country, e.g. Hyderabad, India."
        defaultValue={profile.location ?? ''}
      />
      <Button type="submit" isLoading={update.isPending}>
        Save changes
      </Button>
    </form>
  );
}

function changedFields(profile: CurrentUser, edited: Required<ProfileChanges>): ProfileChanges {
  const changes: ProfileChanges = {};
  if (edited.full_name !== profile.full_name) changes.full_name = edited.full_name;
  if (edited.phone !== (profile.phone ?? '')) changes.phone = edited.phone;
  if (edited.location !== (profile.location ?? '')) changes.location = edited.location;
  return changes;
}
