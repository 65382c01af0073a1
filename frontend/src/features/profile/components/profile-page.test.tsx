import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

describe('profile page', () => {
  it('shows the profile and saves only what changed', async () => {
    const seeker = buildUser('seeker', { phone: '+91 98765 43210', location: 'Pune, India' });
    signedInAs(api, seeker);
    api.onGet('/users/me/resume').reply(404, { detail: 'No resume yet.' });
    api.onPatch('/users/me').reply((config) => [200, { ...seeker, ...JSON.parse(config.data as string) }]);
    const { user } = renderApp('/profile');

    const nameField = await screen.findByLabelText('Full name');
    expect(nameField).toHaveValue('Sita Seeker');
    expect(screen.getByText('seeker@example.com')).toBeInTheDocument();

    await user.clear(nameField);
    await user.type(nameField, 'Sita S. Rao');
    await user.clear(screen.getByLabelText('Location'));
    await user.type(screen.getByLabelText('Location'), 'Hyderabad, India');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your profile has been saved.');
    expect(JSON.parse(api.history.patch[0].data as string)).toEqual({
      full_name: 'Sita S. Rao',
      location: 'Hyderabad, India',
    });
    // The header follows the new name.
    expect(within(screen.getByRole('banner')).getByText('Sita S. Rao')).toBeInTheDocument();
  });

  it("shows the server's message when saving fails", async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/users/me/resume').reply(404, { detail: 'No resume yet.' });
    api.onPatch('/users/me').reply(422, { detail: 'Phone number is not valid.' });
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Phone'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Phone number is not valid.');
  });
});
