import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

const description =
  'Build REST APIs with Node.js and Express, and design PostgreSQL schemas with the team.';

function startAsProvider() {
  signedInAs(api, buildUser('provider'));
  return renderApp('/provider/jobs/new');
}

describe('post a job', () => {
  it('checks the title and description before sending anything', async () => {
    const { user } = startAsProvider();

    await user.type(await screen.findByLabelText('Job title'), 'QA');
    await user.type(screen.getByLabelText('Description'), 'Too short.');
    await user.click(screen.getByRole('button', { name: 'Post job' }));

    const title = screen.getByLabelText('Job title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Title must be at least 3 characters.');
    expect(title).toHaveFocus();
    expect(screen.getByLabelText('Description')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Description must be at least 20 characters.')).toBeInTheDocument();
    expect(api.history.post).toHaveLength(0);

    // Fixing a field clears its message.
    await user.type(title, 'E');
    expect(title).not.toHaveAttribute('aria-invalid');
  });

  it("shows the server's detail when it rejects the job", async () => {
    api.onPost('/jobs').reply(422, { detail: 'skills_required may list at most 30 skills.' });
    const { user } = startAsProvider();

    await user.type(await screen.findByLabelText('Job title'), 'Junior Backend Developer');
    await user.type(screen.getByLabelText('Description'), description);
    await user.click(screen.getByRole('button', { name: 'Post job' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('skills_required may list at most 30 skills.');
    expect(screen.getByRole('heading', { level: 1, name: 'Post a job' })).toBeInTheDocument();
  });

  it('sends the job with its skills and goes to My listings with a notice', async () => {
    api.onPost('/jobs').reply(202, { id: 'new-job', message: 'Job received. It will appear in the feed once it has been enriched.' });
    api.onGet('/jobs/provider').reply(200, []);
    const { user, currentPath } = startAsProvider();

    await user.type(await screen.findByLabelText('Job title'), '  Junior Backend Developer ');
    await user.type(screen.getByLabelText('Company name'), 'Acme Labs');
    await user.type(screen.getByLabelText('Location'), 'Pune, India');
    await user.type(screen.getByLabelText('Description'), description);
    const skills = screen.getByLabelText('Skills');
    await user.type(skills, 'Node.js{Enter}Express,postgresql{Enter}node.js{Enter}');
    const added = screen.getByRole('list', { name: 'Skills added' });
    expect(within(added).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Node.js', 'Express', 'postgresql']);
    await user.click(screen.getByRole('button', { name: 'Remove postgresql' }));
    await user.type(skills, 'PostgreSQL');
    await user.click(screen.getByRole('button', { name: 'Post job' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My listings' })).toBeInTheDocument();
    expect(currentPath()).toBe('/provider/jobs');
    const notice = screen.getByText(
      '“Junior Backend Developer” was posted. Job received. It will appear in the feed once it has been enriched.',
    );
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({
      title: 'Junior Backend Developer',
      company_name: 'Acme Labs',
      location: 'Pune, India',
      description_raw: description,
      skills_required: ['Node.js', 'Express', 'PostgreSQL'],
    });
  });

  it('leaves out the optional fields when they are empty', async () => {
    api.onPost('/jobs').reply(202, { id: 'new-job', message: 'Job received.' });
    api.onGet('/jobs/provider').reply(200, []);
    const { user } = startAsProvider();

    await user.type(await screen.findByLabelText('Job title'), 'Support Trainee');
    await user.type(screen.getByLabelText('Description'), description);
    await user.click(screen.getByRole('button', { name: 'Post job' }));

    await screen.findByRole('heading', { level: 1, name: 'My listings' });
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({
      title: 'Support Trainee',
      description_raw: description,
      skills_required: [],
    });
  });
});
