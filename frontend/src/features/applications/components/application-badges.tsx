import { Archive } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { applicationStageLabel, type ApplicationStage, type ApplicationSummary } from '@/lib/applications';

const stageTones: Record<ApplicationStage, BadgeTone> = {
  saved: 'neutral',
  applied: 'info',
  interviewing: 'brand',
  offer: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export function StageBadge({ stage }: { stage: ApplicationStage }) {
  return <Badge tone={stageTones[stage] ?? 'neutral'}>{applicationStageLabel(stage)}</Badge>;
}

/** The fit of the seeker's current resume with the job (0–100), or that there is no resume to score. */
export function FitScore({ score }: { score: number | null }) {
  if (score === null) return <span className="text-xs text-slate-600">Fit not scored</span>;
  const tone: BadgeTone = score >= 70 ? 'success' : score >= 40 ? 'warning' : 'danger';
  return (
    <Badge tone={tone}>
      Fit {Math.round(score)}%<span className="sr-only"> with your resume</span>
    </Badge>
  );
}

/** The job's own status: archived jobs stay in the tracker, marked. Wraps in a narrow board column, unlike a Badge. */
export function JobArchivedBadge({ application }: { application: Pick<ApplicationSummary, 'job_archived'> }) {
  if (!application.job_archived) return null;
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset">
      <Archive aria-hidden="true" className="size-3 shrink-0" />
      Archived by the employer
    </span>
  );
}

/** "Applied · Shortlisted by the employer" for an Ottobon application the provider has moved. */
export function ProviderStage({ application }: { application: Pick<ApplicationSummary, 'channel' | 'provider_stage'> }) {
  if (application.channel !== 'ottobon' || !application.provider_stage) return null;
  return <span className="text-xs text-slate-600">Employer: {capitalise(application.provider_stage)}</span>;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
