import { BriefcaseBusiness } from 'lucide-react';

export function Brand() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
      <span className="grid size-8 place-items-center rounded-lg bg-indigo-600 text-white">
        <BriefcaseBusiness aria-hidden="true" className="size-5" />
      </span>
      Ottobon Jobs
    </span>
  );
}
