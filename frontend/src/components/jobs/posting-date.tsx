import { formatDate, formatRelative } from '@/lib/format';

type PostingDateProps = {
  /** The career site's posting date (a provider's job: when it was posted); null when the site gives none. */
  postedOn: string | null;
  /** When Ottobon first saw the job: the ingestion time. */
  createdAt: string;
};

/**
 * "Posted 3 days ago" from the posting date; without one, honestly "Found by Ottobon 3 days ago". The full date is
 * the time element's machine-readable value and its tooltip.
 */
export function PostingDate({ postedOn, createdAt }: PostingDateProps) {
  const [label, date] = postedOn ? ['Posted', postedOn] : ['Found by Ottobon', createdAt];
  return (
    <>
      {label}{' '}
      <time dateTime={date} title={formatDate(date)}>
        {formatRelative(date)}
      </time>
    </>
  );
}

/** The job page's line: the posting date, and beside it when Ottobon found the job if that was another day. */
export function PostingAndFoundDates({ postedOn, createdAt }: PostingDateProps) {
  const foundSeparately = postedOn !== null && formatDate(postedOn) !== formatDate(createdAt);
  return (
    <>
      <span>
        <PostingDate postedOn={postedOn} createdAt={createdAt} />
      </span>
      {foundSeparately && (
        <span>
          Found by Ottobon on <time dateTime={createdAt}>{formatDate(createdAt)}</time>
        </span>
      )}
    </>
  );
}
