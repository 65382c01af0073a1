type ScoreGaugeProps = {
  /** 0–1 */
  score: number;
  label?: string;
};

const radius = 80;
const center = { x: 100, y: 100 };
// A half circle from the left end to the right end, over the top.
const arc = `M ${center.x - radius} ${center.y} A ${radius} ${radius} 0 0 1 ${center.x + radius} ${center.y}`;

function toneFor(percent: number): string {
  if (percent >= 70) return '#059669'; // emerald-600
  if (percent >= 40) return '#d97706'; // amber-600
  return '#dc2626'; // red-600
}

/** The match score as a half-circle gauge with the percentage in the middle. One image for screen readers. */
export function ScoreGauge({ score, label = 'Match score' }: ScoreGaugeProps) {
  const percent = Math.round(Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0)) * 100);

  return (
    <svg role="img" aria-label={`${label}: ${percent}%`} viewBox="0 0 200 116" className="h-auto w-full max-w-60">
      <path d={arc} fill="none" stroke="#e2e8f0" strokeWidth="16" strokeLinecap="round" />
      {percent > 0 && (
        <path
          d={arc}
          fill="none"
          stroke={toneFor(percent)}
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
