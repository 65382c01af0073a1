import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { tokenStorage } from '@/lib/auth';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

describe('deleting my account', () => {
  it('asks for the password in a dialog, deletes the account and signs out', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onDelete('/users/me').reply(204);
    const { user } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Delete my account' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete your account?' });
    const password = within(dialog).getByLabelText('Password');
    expect(password).toHaveFocus();

    await user.type(password, 'correct-horse-1');
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));

    expect(await screen.findByRole('heading', { name: /sign in/i })).toBeInTheDocument();
    expect(JSON.parse(api.history.delete[0].data as string)).toEqual({ password: 'correct-horse-1' });
    expect(tokenStorage.get()).toBeNull();
  });

  it("keeps the account and shows the server's reason when the password is wrong", async () => {
    signedInAs(api, buildUser('seeker'));
    api.onDelete('/users/me').reply(403, { detail: 'The password is not correct: your account was not deleted.' });
    const { user } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Delete my account' }));
    const dialog = screen.getByRole('alertdialog');
    await user.type(within(dialog).getByLabelText('Password'), 'wrong-password');
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('your account was not deleted');
    expect(tokenStorage.get()).not.toBeNull();
  });

  it('closes with Escape without deleting and needs a password before sending', async () => {
    signedInAs(api, buildUser('seeker'));
    const { user } = renderApp('/profile');

    const opener = await screen.findByRole('button', { name: 'Delete my account' });
    await user.click(opener);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete permanently' }));
    expect(within(screen.getByRole('alertdialog')).getByRole('alert')).toHaveTextContent('Type your password');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(api.history.delete).toHaveLength(0);
  });
});
