import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostingAndFoundDates, PostingDate } from './posting-date';

describe('posting dates', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('says when the site posted the job, as a machine-readable time', () => {
    const { container } = render(<PostingDate postedOn="2026-11-28T00:00:00Z" createdAt="2026-12-01T09:00:00Z" />);

    expect(container).toHaveTextContent('Posted 3 days ago');
    expect(container.querySelector('time')).toHaveAttribute('dateTime', '2026-11-28T00:00:00Z');
  });

  it('says when Ottobon found the job if the site gives no date, never "posted just now"', () => {
    const { container } = render(<PostingDate postedOn={null} createdAt="2026-11-30T12:00:00Z" />);

    expect(container).toHaveTextContent('Found by Ottobon yesterday');
    expect(container).not.toHaveTextContent('Posted');
  });

  it('shows the ingestion time beside the posting date on the job page', () => {
    render(<PostingAndFoundDates postedOn="2026-11-20T00:00:00Z" createdAt="2026-12-01T09:00:00Z" />);

    expect(screen.getByText(/^Posted/)).toHaveTextContent('Posted 2 weeks ago');
    const found = screen.getByText(/^Found by Ottobon on/);
    expect(found.querySelector('time')).toHaveAttribute('dateTime', '2026-12-01T09:00:00Z');
  });

  it('does not repeat the date for a job posted and found on the same day', () => {
    const { container } = render(<PostingAndFoundDates postedOn="2026-12-01T09:00:00Z" createdAt="2026-12-01T09:00:00Z" />);

    expect(container).toHaveTextContent('Posted 3 hours ago');
    expect(container).not.toHaveTextContent('Found by Ottobon');
  });
});
