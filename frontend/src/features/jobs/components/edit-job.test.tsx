import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildJobDetails } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

const edited = (overrides: Record<string, unknown> = {}) => ({
  id: 'job-1',
  version: 5,
  status: 'active',
  title: 'Senior Node.js Developer',
  location: 'Bengaluru, India',
  description_raw: buildJobDetails().description_raw,
  skills_required: ['Node.js'],
  reenrichment_queued: false,
  ...overrides,
});

function openAsOwner(job = buildJobDetails()) {
  signedInAs(api, buildUser('provider'));
  api.onGet('/jobs/job-1/details').reply(200, job);
  return renderApp('/jobs/job-1');
}

describe('editing a job', () => {
  it('sends only what changed, with the version the page loaded as If-Match', async () => {
    const { user } = openAsOwner(buildJobDetails({ version: 4 }));
    api.onPatch('/jobs/job-1').reply(200, edited());

    await user.click(await screen.findByRole('button', { name: 'Edit job' }));
    const form = screen.getByRole('form', { name: 'Edit job' });
    const title = within(form).getByLabelText('Job title');
    await user.clear(title);
    await user.type(title, 'Senior Node.js Developer');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Edit job' })).not.toBeInTheDocument();
    const patch = api.history.patch[0];
    expect(JSON.parse(patch.data as string)).toEqual({ title: 'Senior Node.js Developer' });
    expect(patch.headers?.['If-Match']).toBe('"4"');
    // The page loads the job again to show the edit.
    expect(api.history.get.filter((request) => request.url === '/jobs/job-1/details')).toHaveLength(2);
  });

  it('keeps the version it was opened with even if the page reloads meanwhile', async () => {
    signedInAs(api, buildUser('provider'));
    api
      .onGet('/jobs/job-1/details')
      .replyOnce(200, buildJobDetails({ version: 2, status: 'processing', enrichment: { ...buildJobDetails().enrichment, status: 'pending' } }))
      .onGet('/jobs/job-1/details')
      .reply(200, buildJobDetails({ version: 5 }));
    api.onPatch('/jobs/job-1').reply(200, edited());
    const { user } = renderApp('/jobs/job-1');

    await user.click(await screen.findByRole('button', { name: 'Edit job' }));
    // The processing page refreshes itself: the job is active now, at a later version.
    expect(await screen.findByText('AI enriched', {}, { timeout: 6000 })).toBeInTheDocument();
    await user.click(within(screen.getByRole('form', { name: 'Edit job' })).getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Changes saved.');
    expect(api.history.patch[0].headers?.['If-Match']).toBe('"2"');
  }, 10_000);

  it('says the job changed since it was opened when the server answers 412, and reloads it on request', async () => {
    const { user } = openAsOwner();
    api.onPatch('/jobs/job-1').reply(412, {
      detail: 'This job changed since you opened it: you saw version 4, the current version is 6.',
    });

    await user.click(await screen.findByRole('button', { name: 'Edit job' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('This job changed since you opened it.')).toBeInTheDocument();
    expect(screen.getByText(/Your changes were not saved/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload the job' }));

    expect(screen.queryByRole('form', { name: 'Edit job' })).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Edit job' })).toBeInTheDocument();
    expect(api.history.get.filter((request) => request.url === '/jobs/job-1/details')).toHaveLength(2);
  });

  it("shows the server's reason for any other refusal", async () => {
    const { user } = openAsOwner();
    api.onPatch('/jobs/job-1').reply(422, { detail: 'title must be at least 3 characters.' });

    await user.click(await screen.findByRole('button', { name: 'Edit job' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('title must be at least 3 characters.');
    expect(screen.queryByRole('button', { name: 'Reload the job' })).not.toBeInTheDocument();
  });

  it('opens at once from a listing (?edit=1) and, once saved, says the AI prepares the new description', async () => {
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails({ version: 3 }));
    api.onPatch('/jobs/job-1').reply(200, edited({ description_raw: '## Duties\n- Build APIs in Node.js every day', reenrichment_queued: true }));
    const { user } = renderApp('/jobs/job-1?edit=1');

    const form = await screen.findByRole('form', { name: 'Edit job' });
    const description = within(form).getByLabelText('Description');
    await user.clear(description);
    await user.type(description, '## Duties{enter}- Build APIs in Node.js every day');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved. The AI is preparing the new description.')).toBeInTheDocument();
    expect(api.history.patch[0].headers?.['If-Match']).toBe('"3"');
    // Closed for good: the page does not open the form again by itself.
    expect(screen.queryByRole('form', { name: 'Edit job' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit job' })).toBeInTheDocument();
  });

  it('checks the fields with the rules of posting before sending anything', async () => {
    const { user } = openAsOwner();

    await user.click(await screen.findByRole('button', { name: 'Edit job' }));
    const form = screen.getByRole('form', { name: 'Edit job' });
    await user.clear(within(form).getByLabelText('Job title'));
    await user.type(within(form).getByLabelText('Job title'), 'QA');
    await user.clear(within(form).getByLabelText('Description'));
    await user.type(within(form).getByLabelText('Description'), 'Too short');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(within(form).getByText('Title must be at least 3 characters.')).toBeInTheDocument();
    expect(within(form).getByText('Description must be at least 20 characters.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Job title')).toHaveFocus();
    expect(api.history.patch).toHaveLength(0);
  });

  it('previews the Markdown description as the job page shows it', async () => {
    const { user } = openAsOwner();

    await user.click(await screen.findByRole('button', { name: 'Edit job' }));
    const form = screen.getByRole('form', { name: 'Edit job' });
    const description = within(form).getByLabelText('Description');
    await user.clear(description);
    await user.type(description, '## What you will do{enter}- Build **REST** APIs{enter}- Review code');
    expect(within(form).getByText(/Markdown works here/)).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Preview' }));
    const preview = within(form).getByRole('region', { name: 'Description preview' });
    expect(within(preview).getByRole('heading', { level: 2, name: 'What you will do' })).toBeInTheDocument();
    expect(within(preview).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Build REST APIs', 'Review code']);
    expect(within(preview).getByText('REST').tagName).toBe('STRONG');
    expect(within(form).getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(form).getByRole('button', { name: 'Write' }));
    expect(within(form).getByLabelText('Description')).toHaveValue('## What you will do\n- Build **REST** APIs\n- Review code');
  });

  it('is offered to the owner and admins only, and never for an archived job', async () => {
    signedInAs(api, buildUser('provider', { id: 'someone-else' }));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    const { unmount } = renderApp('/jobs/job-1');
    await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' });
    expect(screen.queryByRole('button', { name: 'Edit job' })).not.toBeInTheDocument();
    unmount();

    api.reset();
    signedInAs(api, buildUser('admin'));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails({ owner_id: null, origin: 'scraped' }));
    const admin = renderApp('/jobs/job-1');
    expect(await screen.findByRole('button', { name: 'Edit job' })).toBeInTheDocument();
    admin.unmount();

    api.reset();
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails({ status: 'archived' }));
    renderApp('/jobs/job-1');
    await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' });
    expect(screen.queryByRole('button', { name: 'Edit job' })).not.toBeInTheDocument();
  });
});
