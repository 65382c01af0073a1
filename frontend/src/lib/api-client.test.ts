import { type AxiosError, isAxiosError } from 'axios';
import MockAdapter from 'axios-mock-adapter';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, getErrorMessage } from './api-client';

function setUp({ token = 'secret-token' as string | null } = {}) {
  const onUnauthorized = vi.fn();
  const sleep = vi.fn(() => Promise.resolve());
  const client = createApiClient({ baseURL: '/api', getToken: () => token, onUnauthorized, sleep });
  const mock = new MockAdapter(client);
  return { client, mock, onUnauthorized, sleep };
}

describe('api client', () => {
  let subject: ReturnType<typeof setUp>;
  beforeEach(() => {
    subject = setUp();
  });

  it('sends the stored token as a bearer token', async () => {
    subject.mock.onGet('/users/me').reply(200, { id: '1' });

    await subject.client.get('/users/me');

    expect(subject.mock.history.get[0].headers?.Authorization).toBe('Bearer secret-token');
  });

  it('sends no Authorization header without a token', async () => {
    const { client, mock } = setUp({ token: null });
    mock.onPost('/auth/login').reply(200, {});

    await client.post('/auth/login', { email: 'a@b.c', password: 'x' });

    expect(mock.history.post[0].headers?.Authorization).toBeUndefined();
  });

  it('retries a 503 up to 3 times with exponential backoff, then succeeds', async () => {
    const { client, mock, sleep } = subject;
    mock
      .onPost('/jobs')
      .replyOnce(503)
      .onPost('/jobs')
      .replyOnce(503)
      .onPost('/jobs')
      .replyOnce(503)
      .onPost('/jobs')
      .replyOnce(201, { id: 'job-1' });

    const response = await client.post('/jobs', { title: 'Intern' });

    expect(response.status).toBe(201);
    expect(response.data).toEqual({ id: 'job-1' });
    expect(mock.history.post).toHaveLength(4);
    expect(sleep.mock.calls).toEqual([[300], [600], [1200]]);
    // Each retry sends the same body and token again.
    for (const request of mock.history.post) {
      expect(JSON.parse(request.data as string)).toEqual({ title: 'Intern' });
      expect(request.headers?.Authorization).toBe('Bearer secret-token');
    }
  });

  it('gives up after 3 retries and rejects with the 503', async () => {
    const { client, mock, sleep } = subject;
    mock.onGet('/jobs').reply(503, { detail: 'Try again later' });

    const failure = await client.get('/jobs').catch((error: unknown) => error);

    expect(isAxiosError(failure)).toBe(true);
    expect((failure as AxiosError).response?.status).toBe(503);
    expect(mock.history.get).toHaveLength(4);
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it.each([400, 404, 409, 422, 429, 500, 502, 504])('does not retry a %i', async (status) => {
    const { client, mock, sleep } = subject;
    mock.onGet('/jobs').reply(status);

    await expect(client.get('/jobs')).rejects.toMatchObject({ response: { status } });

    expect(mock.history.get).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('does not retry a network error', async () => {
    const { client, mock, sleep } = subject;
    mock.onGet('/jobs').networkError();

    await expect(client.get('/jobs')).rejects.toMatchObject({ isAxiosError: true, message: 'Network Error' });

    expect(mock.history.get).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('reports a 401 on an authenticated request as a lost session', async () => {
    const { client, mock, onUnauthorized } = subject;
    mock.onGet('/users/me').reply(401, { detail: 'Token expired' });

    await expect(client.get('/users/me')).rejects.toMatchObject({ response: { status: 401 } });

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('refreshes once on a 401 and retries the request with the new token', async () => {
    let token = 'expired-token';
    const refresh = vi.fn(() => {
      token = 'renewed-token';
      return Promise.resolve(true);
    });
    const onUnauthorized = vi.fn();
    const client = createApiClient({ baseURL: '/api', getToken: () => token, refresh, onUnauthorized });
    const mock = new MockAdapter(client);
    mock.onGet('/users/me').replyOnce(401, { detail: 'Your session has expired.' }).onGet('/users/me').replyOnce(200, { id: '1' });

    const response = await client.get('/users/me');

    expect(response.data).toEqual({ id: '1' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(mock.history.get.map((request) => request.headers?.Authorization)).toEqual(['Bearer expired-token', 'Bearer renewed-token']);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('signs out when the refresh fails', async () => {
    const refresh = vi.fn(() => Promise.resolve(false));
    const onUnauthorized = vi.fn();
    const client = createApiClient({ baseURL: '/api', getToken: () => 'expired-token', refresh, onUnauthorized });
    const mock = new MockAdapter(client);
    mock.onGet('/users/me').reply(401, { detail: 'Your session has expired.' });

    await expect(client.get('/users/me')).rejects.toMatchObject({ response: { status: 401 } });

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(mock.history.get).toHaveLength(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('refreshes only once: a second 401 after the refresh signs out', async () => {
    const refresh = vi.fn(() => Promise.resolve(true));
    const onUnauthorized = vi.fn();
    const client = createApiClient({ baseURL: '/api', getToken: () => 'some-token', refresh, onUnauthorized });
    const mock = new MockAdapter(client);
    mock.onGet('/users/me').reply(401, { detail: 'This session has ended.' });

    await expect(client.get('/users/me')).rejects.toMatchObject({ response: { status: 401 } });

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(mock.history.get).toHaveLength(2);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('treats a 401 without a token (a failed sign-in) as an ordinary error', async () => {
    const { client, mock, onUnauthorized } = setUp({ token: null });
    mock.onPost('/auth/login').reply(401, { detail: 'Invalid email or password' });

    await expect(client.post('/auth/login', {})).rejects.toMatchObject({ response: { status: 401 } });

    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('getErrorMessage', () => {
  async function failureOf(reply: (mock: MockAdapter) => void): Promise<unknown> {
    const { client, mock } = setUp();
    reply(mock);
    return client.get('/anything').catch((error: unknown) => error);
  }

  it("returns the server's detail", async () => {
    const error = await failureOf((mock) => mock.onGet('/anything').reply(409, { detail: 'Email already registered' }));
    expect(getErrorMessage(error)).toBe('Email already registered');
  });

  it('falls back to a problem title, then to a message for the status', async () => {
    const titled = await failureOf((mock) => mock.onGet('/anything').reply(400, { title: 'Bad request' }));
    expect(getErrorMessage(titled)).toBe('Bad request');

    const bare = await failureOf((mock) => mock.onGet('/anything').reply(500));
    expect(getErrorMessage(bare)).toBe('Something went wrong on our side. Please try again.');
  });

  it('explains a network failure', async () => {
    const error = await failureOf((mock) => mock.onGet('/anything').networkError());
    expect(getErrorMessage(error)).toMatch(/couldn't reach the server/i);
  });

  it('gives a generic message for anything else', () => {
    expect(getErrorMessage(new Error('internal detail'))).toBe('Something went wrong. Please try again.');
  });
});
