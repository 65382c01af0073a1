import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from './button';

type PaginationProps = {
  skip: number;
  limit: number;
  total: number;
  onSkipChange: (skip: number) => void;
  /** What is being counted, for screen readers: "jobs". */
  itemLabel?: string;
  disabled?: boolean;
};

/** "21–40 of 57" with previous and next buttons. */
export function Pagination({ skip, limit, total, onSkipChange, itemLabel = 'results', disabled }: PaginationProps) {
  const first = total === 0 ? 0 : skip + 1;
  const last = Math.min(skip + limit, total);
  const hasPrevious = skip > 0;
  const hasNext = skip + limit < total;

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600">
        <span className="font-semibold text-slate-900">
          {first}–{last}
        </span>{' '}
        of <span className="font-semibold text-slate-900">{total}</span>
        <span className="sr-only"> {itemLabel}</span>
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={disabled || !hasPrevious}
          onClick={() => onSkipChange(Math.max(0, skip - limit))}
        >
          <ChevronLeft aria-hidden="true" className="size-4" />
          Previous
        </Button>
        <Button variant="secondary" disabled={disabled || !hasNext} onClick={() => onSkipChange(skip + limit)}>
          Next
          <ChevronRight aria-hidden="true" className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
