import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

describe('profile page', () => {
  it('shows the profile and saves only what changed', async () => {
    const seeker = buildUser('seeker', { phone: '+91 98765 43210', location: 'Pune, India' });
    signedInAs(api, seeker);
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
    api.onPatch('/users/me').reply(422, { detail: 'Phone number is not valid.' });
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Phone'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Phone number is not valid.');
  });

  it('saves with If-Match set to the ETag the profile was read at', async () => {
    const seeker = buildUser('seeker');
    signedInAs(api, seeker);
    api.onGet('/users/me').reply(200, seeker, { etag: '"3"' });
    api.onPatch('/users/me').reply((config) => [200, { ...seeker, ...JSON.parse(config.data as string) }, { etag: '"4"' }]);
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Location'), 'Pune');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your profile has been saved.');
    expect(api.history.patch[0].headers?.['If-Match']).toBe('"3"');

    // The next save goes from the version the first one produced.
    await user.type(screen.getByLabelText('Phone'), '+91 98765 43210');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(api.history.patch).toHaveLength(2));
    expect(api.history.patch[1].headers?.['If-Match']).toBe('"4"');
  });

  it('says the profile changed elsewhere on 412 and reloads it on request', async () => {
    const seeker = buildUser('seeker', { location: 'Pune' });
    signedInAs(api, seeker);
    api.onGet('/users/me').reply(200, seeker, { etag: '"2"' });
    api.onPatch('/users/me').reply(412, { detail: 'The user changed since you loaded it: the current version is 3.' });
    const { user } = renderApp('/profile');

    await user.clear(await screen.findByLabelText('Location'));
    await user.type(screen.getByLabelText('Location'), 'Delhi');
    // Changed in another tab meanwhile: with unsaved edits, a look on focus keeps the version they started from.
    api.onGet('/users/me').reply(200, { ...seeker, location: 'Chennai' }, { etag: '"3"' });
    // The window coming back into view (TanStack Query's focus signal) looks again.
    fireEvent(document, new Event('visibilitychange', { bubbles: true }));
    await vi.waitFor(() => expect(api.history.get.filter((r) => r.url === '/users/me').length).toBeGreaterThanOrEqual(3));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your profile changed since you opened it.');
    expect(api.history.patch[0].headers?.['If-Match']).toBe('"2"');
    await user.click(screen.getByRole('button', { name: 'Reload profile' }));
    expect(await screen.findByLabelText('Location')).toHaveValue('Chennai');
  });

  it('takes the version a resume upload moved before saving the profile', async () => {
    const seeker = buildUser('seeker');
    signedInAs(api, seeker);
    api.onGet('/users/me').reply(200, seeker, { etag: '"1"' });
    api.onPatch('/users/me').reply((config) => [200, { ...seeker, ...JSON.parse(config.data as string) }, { etag: '"3"' }]);
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Location'), 'Pune');
    api.onPost('/users/resume').reply(200, { message: 'Resume processed successfully', characters_extracted: 10, file_name: 'cv.pdf', skills: [] });
    api.onGet('/users/me/resume').reply(200, {
      file_name: 'cv.pdf', format: 'pdf', size_bytes: 2048, characters_extracted: 10, skills: [], embedding_ready: true,
      uploaded_at: '2026-12-01T09:00:00Z', download_url: '/api/files/x', expires_at: '2099-01-01T00:00:00Z',
    });
    api.onGet('/users/me').reply(200, { ...seeker, has_resume: true }, { etag: '"2"' });
    await user.upload(screen.getByLabelText('Choose a file'), new File(['%PDF-1.4'], 'cv.pdf', { type: 'application/pdf' }));
    await vi.waitFor(() => expect(api.history.get.filter((r) => r.url === '/users/me').length).toBeGreaterThanOrEqual(3));

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Your profile has been saved.')).toBeInTheDocument();
    expect(api.history.patch[0].headers?.['If-Match']).toBe('"2"');
    expect(JSON.parse(api.history.patch[0].data as string)).toEqual({ location: 'Pune' });
  });
});
