import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { tokenStorage } from '@/lib/auth';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildAuthResponse, buildUser } from '@/testing/test-data';

const api = mockApi();

describe('sign in', () => {
  it("shows the server's message when the credentials are wrong", async () => {
    api.onPost('/auth/login').reply(401, { detail: 'Invalid email or password.' });
    const { user, currentPath } = renderApp('/login');

    await user.type(screen.getByLabelText('Email'), 'someone@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.');
    expect(currentPath()).toBe('/login');
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({
      email: 'someone@example.com',
      password: 'wrong-password',
    });
  });

  it("takes the user to their role's home and keeps the token", async () => {
    const provider = buildUser('provider');
    api.onPost('/auth/login').reply(200, buildAuthResponse(provider));
    const { user, currentPath } = renderApp('/login');

    await user.type(screen.getByLabelText('Email'), provider.email);
    await user.type(screen.getByLabelText('Password'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Post a job' })).toBeInTheDocument();
    expect(currentPath()).toBe('/provider/jobs/new');
    expect(tokenStorage.get()).toBe('token-for-user-provider');
  });

  it('returns the user to the page they were going to', async () => {
    const seeker = buildUser('seeker');
    api.onPost('/auth/login').reply(200, buildAuthResponse(seeker));
    api.onGet('/users/me').reply(200, seeker);
    const { user, currentPath } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Email'), seeker.email);
    await user.type(screen.getByLabelText('Password'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(currentPath()).toBe('/profile');
  });
});

describe('registration', () => {
  it('offers the roles as a radio group and explains the password rule', () => {
    renderApp('/register');

    const roles = screen.getByRole('radiogroup', { name: 'I am a' });
    expect(roles).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Job seeker' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Job provider' })).not.toBeChecked();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 8 characters.');
  });

  it('creates a provider account and lands on the provider home', async () => {
    const provider = buildUser('provider', { full_name: 'Nina New', email: 'nina@example.com' });
    api.onPost('/auth/signup').reply(201, buildAuthResponse(provider));
    const { user, currentPath } = renderApp('/register');

    await user.type(screen.getByLabelText('Full name'), '  Nina New ');
    await user.type(screen.getByLabelText('Email'), 'nina@example.com');
    await user.type(screen.getByLabelText('Password'), 'long-enough');
    await user.click(screen.getByRole('radio', { name: 'Job provider' }));
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Post a job' })).toBeInTheDocument();
    expect(currentPath()).toBe('/provider/jobs/new');
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({
      full_name: 'Nina New',
      email: 'nina@example.com',
      password: 'long-enough',
      role: 'provider',
    });
  });

  it("shows the server's message when the email is taken", async () => {
    api.onPost('/auth/signup').reply(409, { detail: 'An account with this email already exists.' });
    const { user } = renderApp('/register');

    await user.type(screen.getByLabelText('Full name'), 'Sam Seeker');
    await user.type(screen.getByLabelText('Email'), 'sam@example.com');
    await user.type(screen.getByLabelText('Password'), 'long-enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this email already exists.');
    expect(tokenStorage.get()).toBeNull();
  });
});
