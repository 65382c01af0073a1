import { Archive, CircleCheck, CircleX, LoaderCircle, Sparkles } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { EnrichmentStatus, JobStatus } from '@/types/api';

const jobStatuses: Record<JobStatus, { label: string; tone: BadgeTone }> = {
  processing: { label: 'Processing', tone: 'warning' },
  active: { label: 'Active', tone: 'success' },
  archived: { label: 'Archived', tone: 'neutral' },
};

/** A job's lifecycle status: Processing (being enriched), Active (in the feed) or Archived. */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { label, tone } = jobStatuses[status] ?? { label: status, tone: 'neutral' };
  return (
    <Badge tone={tone}>
      {status === 'processing' && <LoaderCircle aria-hidden="true" className="size-3 animate-spin motion-reduce:animate-none" />}
      {status === 'active' && <CircleCheck aria-hidden="true" className="size-3" />}
      {status === 'archived' && <Archive aria-hidden="true" className="size-3" />}
      {label}
    </Badge>
  );
}

const enrichmentStatuses: Record<EnrichmentStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'AI enrichment pending', tone: 'info' },
  enriched: { label: 'AI enriched', tone: 'brand' },
  failed: { label: 'AI enrichment failed', tone: 'danger' },
};

/** Whether the AI has added interview prep, resume tips, skills and salary to the job. */
export function EnrichmentBadge({ status }: { status: EnrichmentStatus }) {
  const { label, tone } = enrichmentStatuses[status] ?? { label: status, tone: 'neutral' };
  return (
    <Badge tone={tone}>
      {status === 'failed' ? <CircleX aria-hidden="true" className="size-3" /> : <Sparkles aria-hidden="true" className="size-3" />}
      {label}
    </Badge>
  );
}
