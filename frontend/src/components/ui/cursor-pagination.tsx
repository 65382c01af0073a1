import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from './button';

type CursorPaginationProps = {
  /** 1-based. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** What is listed, for screen readers: "jobs". */
  itemLabel?: string;
  disabled?: boolean;
};

/**
 * "Page 3" with previous and next buttons, for lists paged by cursor: there is no total to show, and a page
 * can only be reached from its neighbour.
 */
export function CursorPagination({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  itemLabel = 'results',
  disabled,
}: CursorPaginationProps) {
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600">
        <span className="sr-only">{itemLabel}, </span>
        Page <span className="font-semibold text-slate-900">{page}</span>
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={disabled || !hasPrevious} onClick={onPrevious}>
          <ChevronLeft aria-hidden="true" className="size-4" />
          Previous
        </Button>
        <Button variant="secondary" disabled={disabled || !hasNext} onClick={onNext}>
          Next
          <ChevronRight aria-hidden="true" className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
