import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { queryWrapper } from '@/testing/query-client';
import { buildUser } from '@/testing/test-data';
import { useMyProfile } from './get-my-profile';
import { type MyResume, useMyResume, useUploadResume } from './resume';

const api = mockApi();
const requestsTo = (url: string) => api.history.get.filter((request) => request.url === url);

const resume = (fileName: string): MyResume => ({
  file_name: fileName,
  format: 'pdf',
  size_bytes: 2048,
  characters_extracted: 10,
  skills: [],
  embedding_ready: true,
  uploaded_at: '2026-12-01T09:00:00Z',
  download_url: '/api/files/x',
  expires_at: '2099-01-01T00:00:00Z',
});

describe('resume queries', () => {
  it('loads the resume and the profile again after an upload', async () => {
    api.onGet('/users/me/resume').replyOnce(200, resume('old.pdf')).onGet('/users/me/resume').reply(200, resume('new.pdf'));
    api.onGet('/users/me').reply(200, buildUser('seeker'), { etag: '"3"' });
    api.onPut('/users/resume').reply(200, { message: 'Resume processed successfully', characters_extracted: 10, file_name: 'new.pdf', skills: [] });
    const { result } = renderHook(() => ({ resume: useMyResume(true), profile: useMyProfile(), upload: useUploadResume() }), {
      wrapper: queryWrapper(),
    });
    await waitFor(() => expect(result.current.resume.data?.file_name).toBe('old.pdf'));
    await waitFor(() => expect(result.current.profile.data?.version).toBe(3));

    await act(() => result.current.upload.mutateAsync({ file: new File(['%PDF-1.4'], 'new.pdf'), replace: true }));

    await waitFor(() => expect(result.current.resume.data?.file_name).toBe('new.pdf'));
    expect(requestsTo('/users/me/resume')).toHaveLength(2);
    await waitFor(() => expect(requestsTo('/users/me')).toHaveLength(2));
  });
});
