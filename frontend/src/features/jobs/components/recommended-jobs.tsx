import { ChevronLeft, ChevronRight, FileUp, Sparkles } from 'lucide-react';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { recommendedLimit, useRecommendedJobs } from '../api/get-recommended-jobs';
import { CompactJobCard } from './compact-job-card';

/**
 * "Recommended for you": the jobs that fit the seeker's resume best, each with its fit (the same score and label
 * as on the job's page and on "Check my fit").
 * Without a resume the strip gives way to a gentle nudge to upload one; failures hide it.
 */
export function RecommendedJobs() {
  const recommended = useRecommendedJobs();
  const { attach, update, scroll, canGoBack, canGoOn } = useScrollStrip();

  if (recommended.data?.has_resume === false) {
    return (
      <aside
        aria-label="Recommendations"
        className="flex flex-wrap items-center gap-3 rounded-2xl bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-indigo-100 ring-inset"
      >
        <Sparkles aria-hidden="true" className="size-5 shrink-0 text-indigo-500" />
        <p className="min-w-0 flex-1">Add your resume and we'll pick out the jobs that fit you best.</p>
        <Link
          to={paths.seeker.profile}
          className="inline-flex items-center gap-1.5 rounded-lg font-semibold text-indigo-700 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <FileUp aria-hidden="true" className="size-4" />
          Upload your resume
        </Link>
      </aside>
    );
  }

  const items = (recommended.data?.items ?? []).slice(0, recommendedLimit);
  if (recommended.status !== 'success' || items.length === 0) return null;

  return (
    <section aria-labelledby="recommended-title" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="recommended-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          <Sparkles aria-hidden="true" className="size-5 text-indigo-500" />
          Recommended for you
        </h2>
        {(canGoBack || canGoOn) && (
          <div className="flex shrink-0 gap-1">
            <StripButton label="Previous recommendations" disabled={!canGoBack} onClick={() => scroll(-1)}>
              <ChevronLeft aria-hidden="true" className="size-5" />
            </StripButton>
            <StripButton label="More recommendations" disabled={!canGoOn} onClick={() => scroll(1)}>
              <ChevronRight aria-hidden="true" className="size-5" />
            </StripButton>
          </div>
        )}
      </div>
      {/* Faded edges say there is more on that side; the padding keeps the first and last cards' rings unclipped. */}
      <div className="relative">
        {canGoBack && <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-0 z-10 w-8 bg-gradient-to-r from-slate-50" />}
        {canGoOn && <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 z-10 w-8 bg-gradient-to-l from-slate-50" />}
      <ol
        ref={attach}
        onScroll={update}
        aria-labelledby="recommended-title"
        className="flex snap-x scroll-px-1 gap-3 overflow-x-auto p-1 pb-3"
      >
        {items.map(({ job, fit }) => (
          <li key={job.id} className="w-60 shrink-0 snap-start">
            <CompactJobCard job={job} fit={fit} />
          </li>
        ))}
      </ol>
      </div>
    </section>
  );
}

/** A horizontal strip's scroll position: whether there is more before or after, and scrolling it by most of a view. */
function useScrollStrip() {
  const [element, setElement] = useState<HTMLOListElement | null>(null);
  const [{ canGoBack, canGoOn }, setEdges] = useState({ canGoBack: false, canGoOn: false });

  const update = useCallback(() => {
    if (!element) return;
    const canGoBack = element.scrollLeft > 1;
    const canGoOn = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setEdges((edges) => (edges.canGoBack === canGoBack && edges.canGoOn === canGoOn ? edges : { canGoBack, canGoOn }));
  }, [element]);

  // Measured when the strip appears and again whenever its width changes with the window.
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, update]);

  const scroll = (direction: 1 | -1) => {
    if (!element) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    element.scrollBy({ left: direction * Math.max(element.clientWidth * 0.8, 200), behavior: reduceMotion ? 'auto' : 'smooth' });
  };

  return { attach: setElement, update, scroll, canGoBack, canGoOn };
}

function StripButton({ label, disabled, onClick, children }: { label: string; disabled: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
      className="grid size-9 place-items-center rounded-full bg-white text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:text-slate-400 disabled:hover:bg-white"
    >
      {children}
    </button>
  );
}
