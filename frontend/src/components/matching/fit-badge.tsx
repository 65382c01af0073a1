import { Badge } from '@/components/ui/badge';
import { type Fit, fitLabel, fitPercent, fitTones } from './fit';

/**
 * "74% · Strong fit": the same words and colour on the recommendations, the feed, the job page and the fit page.
 * `subject` finishes the sentence for screen readers (a provider's applicant list says "with this job").
 */
export function FitBadge({ fit, subject = 'with your resume' }: { fit: Fit; subject?: string }) {
  return (
    <Badge tone={fitTones[fit.label]}>
      {fitPercent(fit.score)}% · {fitLabel(fit)}
      <span className="sr-only"> {subject}</span>
    </Badge>
  );
}
