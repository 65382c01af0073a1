import { act, fireEvent, screen, within } from '@testing-library/react';
import type { AxiosProgressEvent, InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { MyResume } from '../api/resume';
import { embeddingRefreshMs } from '../api/resume';

const api = mockApi();

afterEach(() => {
  vi.useRealTimers();
});

function buildResume(overrides: Partial<MyResume> = {}): MyResume {
  return {
    file_name: 'sita-resume.pdf',
    format: 'pdf',
    size_bytes: 148_000,
    characters_extracted: 2345,
    skills: ['Node.js', 'Express', 'PostgreSQL'],
    embedding_ready: true,
    uploaded_at: '2026-11-20T10:00:00Z',
    download_url: '/api/users/me/resume/download?sig=abc',
    expires_at: new Date(Date.now() + 15 * 60_000).toISOString(),
    ...overrides,
  };
}

const pdf = (name = 'resume.pdf', size = 2048) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

function startWith(resume: MyResume | null) {
  // The profile says whether there is a resume; without one the page doesn't ask (an unexpected request fails the test).
  signedInAs(api, buildUser('seeker', { has_resume: resume !== null }));
  if (resume) api.onGet('/users/me/resume').reply(200, resume);
  return renderApp('/profile');
}

const resumeSection = () => screen.getByRole('region', { name: 'Resume' });

describe('resume on the profile page', () => {
  it('shows the resume on file with a download link and its skills', async () => {
    startWith(buildResume());

    const section = await screen.findByRole('region', { name: 'Resume' });
    expect(await within(section).findByText('sita-resume.pdf', { selector: 'p' })).toBeInTheDocument();
    expect(section).toHaveTextContent('PDF · 145 KB · Uploaded');
    expect(within(section).getByRole('link', { name: 'Download sita-resume.pdf' })).toHaveAttribute(
      'href',
      '/api/users/me/resume/download?sig=abc',
    );
    const skills = within(section).getByRole('list', { name: 'Skills found in your resume' });
    expect(within(skills).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Node.js', 'Express', 'PostgreSQL']);
    expect(within(section).getByText('Ready for matching')).toBeInTheDocument();
    expect(within(section).getByLabelText('Choose a new file')).toBeInTheDocument();
  });

  it('uploads the first resume with POST, showing progress, then its skills', async () => {
    const { user } = startWith(null);
    let request: InternalAxiosRequestConfig | undefined;
    let answer: (response: [number, unknown]) => void = () => {};
    api.onPost('/users/resume').reply((config) => {
      request = config as InternalAxiosRequestConfig;
      return new Promise((resolve) => {
        answer = resolve;
      });
    });

    const input = await screen.findByLabelText('Choose a file');
    await user.upload(input, pdf());

    const progress = await within(resumeSection()).findByRole('progressbar', { name: 'Resume upload' });
    expect(progress).toHaveAttribute('aria-valuenow', '0');
    act(() => request?.onUploadProgress?.({ loaded: 819, total: 2048, bytes: 819 } as AxiosProgressEvent));
    expect(progress).toHaveAttribute('aria-valuenow', '40');
    expect(resumeSection()).toHaveTextContent('Uploading resume.pdf…40%');
    act(() => request?.onUploadProgress?.({ loaded: 2048, total: 2048, bytes: 1229 } as AxiosProgressEvent));
    expect(resumeSection()).toHaveTextContent('Reading resume.pdf…100%');

    const sent = request?.data as FormData;
    expect(sent.get('file')).toBeInstanceOf(File);
    expect((sent.get('file') as File).name).toBe('resume.pdf');

    api.onGet('/users/me/resume').reply(200, buildResume({ file_name: 'resume.pdf', skills: ['Node.js', 'Docker'] }));
    await act(async () =>
      answer([
        200,
        { message: 'Resume processed successfully', characters_extracted: 1234, file_name: 'resume.pdf', skills: ['Node.js', 'Docker'] },
      ]),
    );

    expect(await within(resumeSection()).findByRole('status')).toHaveTextContent(
      'Resume processed successfully: 1,234 characters read from resume.pdf.',
    );
    const skills = await within(resumeSection()).findByRole('list', { name: 'Skills found in your resume' });
    expect(within(skills).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Node.js', 'Docker']);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(api.history.put).toHaveLength(0);
  });

  it('replaces the resume on file with PUT', async () => {
    const { user } = startWith(buildResume());
    api.onPut('/users/resume').reply(200, {
      message: 'Resume processed successfully',
      characters_extracted: 999,
      file_name: 'new.docx',
      skills: ['Java'],
    });

    await user.upload(
      await screen.findByLabelText('Choose a new file'),
      new File(['x'.repeat(100)], 'new.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    );

    expect(await within(resumeSection()).findByText(/Resume processed successfully/)).toBeInTheDocument();
    expect(api.history.put).toHaveLength(1);
    expect(api.history.post).toHaveLength(0);
  });

  it.each([
    [400, 'Only .pdf and .docx files are accepted.'],
    [413, 'The file is larger than 5 MB.'],
    [422, 'We could not read any text in this PDF. Is it a scanned image?'],
  ])("shows the server's detail as it is on %i", async (status, detail) => {
    const { user } = startWith(null);
    api.onPost('/users/resume').reply(status, { detail });

    await user.upload(await screen.findByLabelText('Choose a file'), pdf());

    expect(await within(resumeSection()).findByRole('alert')).toHaveTextContent(detail);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('takes a dropped file, and checks its type before sending it', async () => {
    startWith(null);
    api.onPost('/users/resume').reply(200, {
      message: 'Resume processed successfully',
      characters_extracted: 500,
      file_name: 'dropped.pdf',
      skills: ['SQL'],
    });
    const zone = await screen.findByRole('group', { name: 'Upload your resume' });

    fireEvent.dragEnter(zone, { dataTransfer: { files: [], types: ['Files'] } });
    expect(zone).toHaveTextContent('Drop it here');
    fireEvent.drop(zone, { dataTransfer: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    expect(await within(resumeSection()).findByRole('alert')).toHaveTextContent('Choose a PDF or Word (.docx) file.');
    expect(api.history.post).toHaveLength(0);

    fireEvent.drop(zone, { dataTransfer: { files: [pdf('dropped.pdf')] } });
    expect(await within(resumeSection()).findByText(/characters read from dropped\.pdf/)).toBeInTheDocument();
    expect(api.history.post).toHaveLength(1);
  });

  it('refuses a file over 5 MB without sending it', async () => {
    const { user } = startWith(null);

    await user.upload(await screen.findByLabelText('Choose a file'), pdf('big.pdf', 5 * 1024 * 1024 + 1));

    expect(await within(resumeSection()).findByRole('alert')).toHaveTextContent('the limit is 5 MB');
    expect(api.history.post).toHaveLength(0);
  });

  it('follows the resume until it is ready for matching', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const settle = async () => {
      for (let round = 0; round < 5; round += 1) await act(() => vi.advanceTimersByTimeAsync(0));
    };
    signedInAs(api, buildUser('seeker', { has_resume: true }));
    api
      .onGet('/users/me/resume')
      .replyOnce(200, buildResume({ embedding_ready: false }))
      .onGet('/users/me/resume')
      .reply(200, buildResume({ embedding_ready: true }));
    renderApp('/profile');
    await settle();

    expect(within(resumeSection()).getByText('Preparing for matching')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(embeddingRefreshMs));
    await settle();
    expect(within(resumeSection()).getByText('Ready for matching')).toBeInTheDocument();
  });
});
