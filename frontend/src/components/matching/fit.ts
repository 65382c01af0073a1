import type { BadgeTone } from '@/components/ui/badge';
import type { Schemas } from '@/types/api';

/** The fit of the seeker's resume with a job, as every page shows it: the calibrated score (0–1) and its label. */
export type Fit = Schemas['FitSummary'];

const fitLabels: Record<Fit['label'], string> = {
  strong: 'Strong fit',
  partial: 'Partial fit',
  low: 'Low fit',
};

export const fitTones: Record<Fit['label'], BadgeTone> = {
  strong: 'success',
  partial: 'warning',
  low: 'danger',
};

/** The gauge's stroke for each label (emerald-600, amber-600, red-600: the badge tones' colours). */
export const fitColours: Record<Fit['label'], string> = {
  strong: '#059669',
  partial: '#d97706',
  low: '#dc2626',
};

export function fitPercent(score: number): number {
  return Math.round(Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0)) * 100);
}

export function fitLabel(fit: Fit): string {
  return fitLabels[fit.label];
}
