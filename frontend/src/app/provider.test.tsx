import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

describe('app provider', () => {
  it('forgets every cached answer when the user signs out', async () => {
    signedInAs(api, buildUser('seeker'));
    const { user, queryClient, currentPath } = renderApp('/profile');
    await screen.findByLabelText('Full name');
    expect(queryClient.getQueryData(['me', 'profile'])).toBeDefined();

    await user.click(screen.getByRole('button', { name: /Log out/ }));

    await waitFor(() => expect(currentPath()).toBe('/login'));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});
