import { Badge } from '@/components/ui/badge';
import { type Fit, fitLabel, fitPercent, fitTones } from './fit';

/** "74% · Strong fit": the same words and colour on the recommendations, the feed, the job page and the fit page. */
export function FitBadge({ fit }: { fit: Fit }) {
  return (
    <Badge tone={fitTones[fit.label]}>
      {fitPercent(fit.score)}% · {fitLabel(fit)}
      <span className="sr-only"> with your resume</span>
    </Badge>
  );
}
