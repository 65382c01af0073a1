import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { publishLiveNotification } from '@/lib/live-notifications';
import { buildApplication, buildApplicationDetail } from '@/testing/application-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

function startBoard(items = [buildApplication(), buildApplication({ id: 'app-2', job_id: 'job-2', job_title: 'Data Analyst', stage: 'saved', applied_on: null, channel: null, fit_score: null })]) {
  signedInAs(api, buildUser('seeker'));
  api.onGet('/applications').reply(200, { items });
  return renderApp('/applications');
}

describe('the tracker board', () => {
  it('puts each application in its stage column with its fit', async () => {
    startBoard();

    const applied = await screen.findByRole('region', { name: /^Applied/ });
    expect(within(applied).getByRole('article', { name: 'Node.js Developer at Acme' })).toHaveTextContent('Fit 74%');
    expect(within(column('Saved')).getByRole('article', { name: 'Data Analyst at Acme' })).toHaveTextContent('Fit not scored');
    expect(within(column('Offer')).queryAllByRole('article')).toHaveLength(0);
  });

  it('moves a card with the keyboard select, sending the version seen, and announces the move', async () => {
    const { user } = startBoard();
    api.onPost('/applications/app-1/moves').reply((config) => {
      expect(config.headers?.['If-Match']).toBe('"3"');
      expect(JSON.parse(config.data as string)).toEqual({ stage: 'interviewing' });
      return [200, buildApplication({ stage: 'interviewing', version: 4, interview_rounds: 1 })];
    });

    const select = await screen.findByRole('combobox', { name: 'Move Node.js Developer to' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Move to…', 'Interviewing', 'Offer', 'Rejected', 'Withdrawn']);
    api.onGet('/applications').reply(200, { items: [buildApplication({ stage: 'interviewing', version: 4, interview_rounds: 1 })] });
    await user.selectOptions(select, 'interviewing');

    expect(await screen.findByText('Moved Node.js Developer to Interviewing.')).toBeInTheDocument();
    const interviewing = column('Interviewing');
    expect(within(interviewing).getByRole('article', { name: 'Node.js Developer at Acme' })).toBeInTheDocument();
    // Focus follows the card to its new column.
    await waitFor(() => expect(within(interviewing).getByRole('combobox', { name: 'Move Node.js Developer to' })).toHaveFocus());
  });

  it('moves a card dragged onto a column it may move to, and offers no drop where it may not', async () => {
    startBoard();
    api.onPost('/applications/app-1/moves').reply((config) => {
      expect(JSON.parse(config.data as string)).toEqual({ stage: 'offer' });
      return [200, buildApplication({ stage: 'offer', version: 4 })];
    });
    const card = await screen.findByRole('article', { name: 'Node.js Developer at Acme' });
    const data = new Map<string, string>();
    const dataTransfer = { setData: (type: string, value: string) => data.set(type, value), getData: (type: string) => data.get(type) ?? '', effectAllowed: '', dropEffect: '' };

    fireEvent.dragStart(card, { dataTransfer });
    // A move back to Saved is not allowed: that column does not take the drop.
    expect(fireEvent.dragOver(column('Saved'), { dataTransfer })).toBe(true);
    expect(fireEvent.dragOver(column('Offer'), { dataTransfer })).toBe(false);
    fireEvent.drop(column('Offer'), { dataTransfer });

    expect(await screen.findByText('Moved Node.js Developer to Offer.')).toBeInTheDocument();
    expect(api.history.post).toHaveLength(1);
  });

  it('says why a move was refused (409) and puts the card back', async () => {
    const { user } = startBoard();
    api.onPost('/applications/app-1/moves').reply(409, { detail: 'An application that was withdrawn cannot move to offer.' });

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Move Node.js Developer to' }), 'offer');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Node.js Developer: That move isn't possible: An application that was withdrawn cannot move to offer.",
    );
    expect(within(column('Applied')).getByRole('article', { name: 'Node.js Developer at Acme' })).toBeInTheDocument();
    expect(within(column('Offer')).queryAllByRole('article')).toHaveLength(0);
  });

  it('explains a stale version (412) instead of overwriting the employer’s move', async () => {
    const { user } = startBoard();
    api.onPost('/applications/app-1/moves').reply(412, { detail: 'Precondition failed' });

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Move Node.js Developer to' }), 'rejected');

    expect(await screen.findByRole('alert')).toHaveTextContent('This application changed since you loaded it');
  });

  it('follows a provider’s move live: the notification reloads the board', async () => {
    startBoard([buildApplication({ channel: 'ottobon' })]);
    await screen.findByRole('region', { name: /^Applied/ });
    api.onGet('/applications').reply(200, {
      items: [buildApplication({ channel: 'ottobon', stage: 'interviewing', provider_stage: 'interview', version: 4 })],
    });

    act(() =>
      publishLiveNotification({
        id: 'n-1',
        kind: 'application_stage_changed',
        title: 'Node.js Developer: Interviewing',
        body: '',
        link: '/applications/app-1',
        created_at: '2026-11-22T09:00:00Z',
        read_at: null,
      }),
    );

    const card = await within(column('Interviewing')).findByRole('article', { name: 'Node.js Developer at Acme' });
    expect(card).toHaveTextContent('Employer: Interview');
  });
});

describe('the tracker list and filter', () => {
  it('lists applications with fit, stage and archived jobs marked, and filters by stage through the API', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/applications').reply((config) =>
      config.params?.stage === 'offer'
        ? [200, { items: [buildApplication({ id: 'app-3', job_title: 'QA Lead', stage: 'offer' })] }]
        : [200, { items: [buildApplication({ job_archived: true, job_status: 'archived' }), buildApplication({ id: 'app-2', job_title: 'Data Analyst', stage: 'saved', applied_on: null })] }],
    );
    const { user } = renderApp('/applications');

    await user.click(await screen.findByRole('tab', { name: 'List' }));
    const table = screen.getByRole('table', { name: 'Your applications, newest change first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['Node.js Developer', 'Data Analyst']);
    expect(rows[0]).toHaveTextContent('Archived by the employer');
    expect(rows[0]).toHaveTextContent('Fit 74%');
    expect(within(rows[0]).getByRole('link')).toHaveAttribute('href', '/applications/app-1');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'offer');
    expect(await within(screen.getByRole('table')).findByRole('link', { name: 'QA Lead' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'List' })).toHaveAttribute('aria-selected', 'true');
  });

  it('tells a seeker with nothing tracked how to start', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/applications').reply(200, { items: [] });
    renderApp('/applications');

    expect(await screen.findByRole('heading', { name: 'Nothing tracked yet' })).toBeInTheDocument();
    expect(screen.getByText(/choose “Save” to keep it here/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find jobs' })).toHaveAttribute('href', '/jobs');
  });
});

describe('the application page', () => {
  it('moves with the version shown, and replays the timeline', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/applications/app-1').reply(200, buildApplicationDetail());
    api.onPost('/applications/app-1/moves').reply((config) => {
      expect(config.headers?.['If-Match']).toBe('"3"');
      const body = JSON.parse(config.data as string);
      expect(body).toMatchObject({ stage: 'interviewing', note: 'First round' });
      expect(new Date(body.round_at).getTime()).toBe(new Date('2026-12-10T10:30').getTime());
      return [200, buildApplication({ stage: 'interviewing', version: 4 })];
    });
    const { user } = renderApp('/applications/app-1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Node.js Developer' })).toBeInTheDocument();
    const timeline = screen.getByRole('list', { name: 'Timeline, oldest first' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(3);
    const slider = screen.getByRole('slider', { name: /Replay/ });
    await user.click(within(timeline).getByRole('button', { name: 'Show version 1' }));
    expect(slider).toHaveValue('1');
    expect(screen.getByText(/After 1 event: Saved/)).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Move the application' });
    await user.selectOptions(within(form).getByLabelText('New stage'), 'interviewing');
    await user.type(within(form).getByLabelText('Interview date (optional)'), '2026-12-10T10:30');
    await user.type(within(form).getByLabelText('Note (optional)'), 'First round');
    await user.click(within(form).getByRole('button', { name: 'Move' }));

    expect(await screen.findByText('Moved to Interviewing.')).toBeInTheDocument();
  });

  it('adds and cancels reminders', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/applications/app-1').reply(200, buildApplicationDetail({ reminders: [{ id: 'r-1', due_at: '2026-12-05T09:00:00Z', text: 'Follow up' }] }));
    api.onPost('/applications/app-1/reminders').reply((config) => {
      expect(JSON.parse(config.data as string)).toMatchObject({ text: 'Prepare questions' });
      return [201, { id: 'r-2', due_at: '2026-12-09T08:00:00Z', text: 'Prepare questions' }];
    });
    api.onDelete('/applications/app-1/reminders/r-1').reply(204);
    const { user } = renderApp('/applications/app-1');

    const reminders = await screen.findByRole('list', { name: 'Pending reminders' });
    await user.click(within(reminders).getByRole('button', { name: 'Cancel the reminder “Follow up”' }));
    await waitFor(() => expect(api.history.delete).toHaveLength(1));

    const form = screen.getByRole('form', { name: 'Add a reminder' });
    await user.type(within(form).getByLabelText('Remind me on'), '2026-12-09T08:00');
    await user.type(within(form).getByLabelText('What about'), 'Prepare questions');
    await user.click(within(form).getByRole('button', { name: 'Add reminder' }));
    await waitFor(() => expect(api.history.post).toHaveLength(1));
  });

  it('answers another seeker’s application id with “not in your tracker”', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/applications/app-9').reply(404, { detail: 'Application not found.' });
    renderApp('/applications/app-9');

    expect(await screen.findByRole('heading', { name: 'This application isn\u2019t in your tracker'.replace('\u2019', "'") })).toBeInTheDocument();
  });
});
