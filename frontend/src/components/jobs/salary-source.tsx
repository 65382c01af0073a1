import type { JobDetails } from '@/types/api';

type SalarySource = NonNullable<JobDetails['salary_source']>;

/** Where a job's salary comes from, in the words seekers see beside it. */
const salarySourceLabels: Record<SalarySource, string> = {
  published: 'Published by the employer',
  estimated: 'Estimated by Ottobon AI',
};

/** The salary's source as a small note; nothing when no salary is shown. */
export function SalarySourceNote({ source, className = '' }: { source: SalarySource | null | undefined; className?: string }) {
  if (!source) return null;
  return <span className={`text-xs font-normal text-slate-600 ${className}`}>{salarySourceLabels[source]}</span>;
}
