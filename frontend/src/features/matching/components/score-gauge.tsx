import { type Fit, fitColours, fitLabel, fitPercent } from '@/components/matching/fit';

type ScoreGaugeProps = {
  /** The score (0–1) and its label, as the API gives them; the colour is the label's, as on every fit badge. */
  fit: Fit;
  label?: string;
};

const radius = 80;
const center = { x: 100, y: 100 };
// A half circle from the left end to the right end, over the top.
const arc = `M ${center.x - radius} ${center.y} A ${radius} ${radius} 0 0 1 ${center.x + radius} ${center.y}`;

/** The match score as a half-circle gauge with the percentage in the middle. One image for screen readers. */
export function ScoreGauge({ fit, label = 'Match score' }: ScoreGaugeProps) {
  const percent = fitPercent(fit.score);

  return (
    <svg role="img" aria-label={`${label}: ${percent}%, ${fitLabel(fit)}`} viewBox="0 0 200 116" className="h-auto w-full max-w-60">
      <path d={arc} fill="none" stroke="#e2e8f0" strokeWidth="16" strokeLinecap="round" />
      {percent > 0 && (
        <path
          d={arc}
          fill="none"
          stroke={fitColours[fit.label]}
          strokeWidth="16"
          strokeLinecap="round"
          pathLength={100}
          strokeDasharray={`${percent} 100`}
          data-testid="gauge-value"
        />
      )}
      <text x={center.x} y={center.y - 8} textAnchor="middle" fontSize="34" fontWeight="700" fill="#0f172a">
        {percent}%
      </text>
      <text x={center.x} y={center.y + 12} textAnchor="middle" fontSize="12" fill="#64748b">
        {label}
      </text>
    </svg>
  );
}
