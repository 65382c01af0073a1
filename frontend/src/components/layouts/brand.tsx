import { BriefcaseBusiness } from 'lucide-react';

/** The logo and name. `compact` keeps only the logo on small screens (the name stays for screen readers). */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-bold tracking-tight whitespace-nowrap text-slate-900">
      <span className="grid size-8 place-items-center rounded-lg bg-indigo-600 text-white">
        <BriefcaseBusiness aria-hidden="true" className="size-5" />
      </span>
      <span className={compact ? 'sr-only sm:not-sr-only' : undefined}>Ottobon Jobs</span>
    </span>
  );
}
