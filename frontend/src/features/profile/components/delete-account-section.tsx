import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { getErrorMessage } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { deleteMyAccount } from '../api/delete-my-account';

/**
 * "Delete my account": a confirmation dialog that asks for the password. On success the session ends at once (the
 * server no longer accepts the account's tokens) and the app returns to the sign-in page.
 */
export function DeleteAccountSection() {
  const { logout } = useAuth();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  const close = () => {
    setOpen(false);
    setPassword('');
    setError(null);
    openerRef.current?.focus();
  };

  // Escape closes the dialog wherever the focus is, as the WAI-ARIA dialog pattern expects.
  useEffect(() => {
    if (!open || deleting) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  });

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError('Type your password to confirm.');
      return;
    }
    setDeleting(true);
    setError(null);
    try {
      await deleteMyAccount(password);
      logout();
    } catch (failure: unknown) {
      setError(getErrorMessage(failure));
      setDeleting(false);
    }
  };

  return (
    <section aria-labelledby="danger-zone-title" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-red-200">
      <h2 id="danger-zone-title" className="text-lg font-semibold text-slate-900">
        Delete account
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Deletes your profile, your resume file and its text, and the contents of your chats. This cannot be undone.
      </p>
      <Button ref={openerRef} variant="danger" className="mt-4" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Delete my account
      </Button>

      {open && (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
          <div
            role="alertdialog"
            aria-modal="true"
            aria-labelledby={titleId}
            aria-describedby={descriptionId}
            className="w-full max-w-md rounded-2xl bg-white p-6 shadow-xl"
          >
            <h3 id={titleId} className="text-lg font-semibold text-slate-900">
              Delete your account?
            </h3>
            <p id={descriptionId} className="mt-1 text-sm text-slate-600">
              Your profile, resume and chat messages will be erased and you will be signed out. Type your password to
              confirm.
            </p>
            <form className="mt-4 space-y-4" onSubmit={handleSubmit} noValidate>
              <TextField
                label="Password"
                type="password"
                autoComplete="current-password"
                // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog the user opened moves focus to its first field (WAI-ARIA dialog pattern)
                autoFocus
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
              {error && <Alert tone="error">{error}</Alert>}
              <div className="flex justify-end gap-3">
                <Button variant="secondary" onClick={close} disabled={deleting}>
                  Cancel
                </Button>
                <Button type="submit" variant="danger" isLoading={deleting}>
                  Delete permanently
                </Button>
              </div>
            </form>
          </div>
        </div>
      )}
    </section>
  );
}
