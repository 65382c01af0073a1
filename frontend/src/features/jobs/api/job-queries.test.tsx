import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildJobDetails } from '@/testing/job-data';
import { mockApi } from '@/testing/mock-api';
import { createTestQueryClient, queryWrapper } from '@/testing/query-client';
import { processingRefreshMs, useJobDetails } from './get-job-details';
import { useJobsFeed } from './get-jobs-feed';
import { useUpdateJob } from './update-job';

const api = mockApi();
const requestsTo = (url: string) => api.history.get.filter((request) => request.url === url);
const feedPage = { items: [], next_cursor: null, has_more: false, limit: 20 };

afterEach(() => {
  vi.useRealTimers();
});

describe('job queries', () => {
  it('asks once when two components show the same job', async () => {
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    function Title({ label }: { label: string }) {
      const details = useJobDetails('job-1');
      return <p>{`${label}: ${details.data?.title ?? '…'}`}</p>;
    }
    render(
      <>
        <Title label="header" />
        <Title label="breadcrumb" />
      </>,
      { wrapper: queryWrapper() },
    );

    expect(await screen.findByText('header: Junior Node.js Backend Developer')).toBeInTheDocument();
    expect(screen.getByText('breadcrumb: Junior Node.js Backend Developer')).toBeInTheDocument();
    expect(requestsTo('/jobs/job-1/details')).toHaveLength(1);
  });

  it('shows an edit at once, then loads the job and the feed again', async () => {
    const job = buildJobDetails({ version: 4 });
    api.onGet('/jobs/job-1/details').replyOnce(200, job).onGet('/jobs/job-1/details').reply(200, { ...job, version: 5, title: 'Senior Node.js Developer' });
    api.onGet('/jobs/feed').reply(200, feedPage);
    let answerEdit: (value: [number, unknown]) => void = () => {};
    api.onPatch('/jobs/job-1').reply(() => new Promise((resolve) => (answerEdit = resolve)));
    const { result } = renderHook(
      () => ({ details: useJobDetails('job-1'), feed: useJobsFeed({ cursor: '', q: '', company: '', location: '', minSalary: '', postedWithinDays: '' }), edit: useUpdateJob(job) }),
      { wrapper: queryWrapper() },
    );
    await waitFor(() => expect(result.current.details.isSuccess && result.current.feed.isSuccess).toBe(true));

    act(() => result.current.edit.mutate({ title: 'Senior Node.js Developer' }));
    // Optimistic: the page shows the new title before the server answers.
    await waitFor(() => expect(result.current.details.data?.title).toBe('Senior Node.js Developer'));
    expect(requestsTo('/jobs/job-1/details')).toHaveLength(1);
    answerEdit([200, { id: 'job-1', version: 5, status: 'active', title: 'Senior Node.js Developer', location: null, description_raw: job.description_raw, skills_required: [], reenrichment_queued: false }]);

    await waitFor(() => expect(requestsTo('/jobs/job-1/details')).toHaveLength(2));
    await waitFor(() => expect(requestsTo('/jobs/feed')).toHaveLength(2));
    await waitFor(() => expect(result.current.details.data?.version).toBe(5));
  });

  it('puts the job back as it was when the edit is refused', async () => {
    const job = buildJobDetails({ version: 4 });
    api.onGet('/jobs/job-1/details').reply(200, job);
    api.onPatch('/jobs/job-1').reply(412, { detail: 'This job changed since you opened it.' });
    const { result } = renderHook(() => ({ details: useJobDetails('job-1'), edit: useUpdateJob(job) }), { wrapper: queryWrapper() });
    await waitFor(() => expect(result.current.details.isSuccess).toBe(true));

    await act(() => result.current.edit.mutateAsync({ title: 'Overwritten?' }).catch(() => undefined));

    expect(result.current.edit.error?.status).toBe(412);
    expect(result.current.edit.error?.message).toBe('This job changed since you opened it.');
    await waitFor(() => expect(result.current.details.data?.title).toBe(job.title));
  });

  it('follows a job being prepared and stops asking once it is final', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const processing = buildJobDetails({ status: 'processing', enrichment: { ...buildJobDetails().enrichment, status: 'pending' } });
    api
      .onGet('/jobs/job-1/details')
      .replyOnce(200, processing)
      .onGet('/jobs/job-1/details')
      .replyOnce(200, processing)
      .onGet('/jobs/job-1/details')
      .reply(200, buildJobDetails());
    const queryClient = createTestQueryClient();
    const { result } = renderHook(() => useJobDetails('job-1'), { wrapper: queryWrapper(queryClient) });
    const settle = async () => {
      for (let round = 0; round < 5; round += 1) await act(() => vi.advanceTimersByTimeAsync(0));
    };
    await settle();
    expect(result.current.data?.status).toBe('processing');

    await act(() => vi.advanceTimersByTimeAsync(processingRefreshMs));
    await settle();
    expect(requestsTo('/jobs/job-1/details')).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(processingRefreshMs));
    await settle();
    expect(result.current.data?.status).toBe('active');
    expect(requestsTo('/jobs/job-1/details')).toHaveLength(3);

    // Active is final: no more requests.
    await act(() => vi.advanceTimersByTimeAsync(processingRefreshMs * 5));
    expect(requestsTo('/jobs/job-1/details')).toHaveLength(3);
  });
});
