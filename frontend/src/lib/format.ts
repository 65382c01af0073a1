// Formatting for dates and numbers shown to people (in their own locale).

export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = new Date(isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function formatDateTime(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = new Date(isoDate);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Intl formatters are costly to create; one is enough.
let relativeFormat: Intl.RelativeTimeFormat | undefined;

/** "3 days ago", "just now". */
export function formatRelative(isoDate: string, now = Date.now()): string {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  const seconds = Math.round((date.getTime() - now) / 1000);
  relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function formatNumber(value: number): string {
  return value.toLocaleString();
}
