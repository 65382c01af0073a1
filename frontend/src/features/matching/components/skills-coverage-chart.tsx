type SkillsCoverageChartProps = {
  matched: number;
  missing: number;
  /** 0–1: how close the resume and the job read overall. */
  similarity: number;
};

const rowHeight = 34;
const labelWidth = 150;
const barWidth = 260;
const width = labelWidth + barWidth + 60;

/**
 * Your skills against the job's: how many of its skills you have, how many you miss, and how close the
 * resume and the job read overall. Horizontal bars on one scale (the job's skill count, or 100%).
 */
export function SkillsCoverageChart({ matched, missing, similarity }: SkillsCoverageChartProps) {
  const total = matched + missing;
  const coverage = total === 0 ? 100 : Math.round((matched / total) * 100);
  const similarityPercent = Math.round(Math.min(1, Math.max(0, similarity)) * 100);
  const rows = [
    { label: 'Job skills', value: total, share: total === 0 ? 0 : 1, text: String(total), color: '#94a3b8' },
    { label: 'You have', value: matched, share: total === 0 ? 0 : matched / total, text: String(matched), color: '#059669' },
    { label: 'To learn', value: missing, share: total === 0 ? 0 : missing / total, text: String(missing), color: '#d97706' },
    { label: 'Profile similarity', value: similarityPercent, share: similarityPercent / 100, text: `${similarityPercent}%`, color: '#4f46e5' },
  ];
  const summary =
    total === 0
      ? `The job lists no skills. Profile similarity ${similarityPercent}%.`
      : `You have ${matched} of the ${total} skills the job asks for (${coverage}%); ${missing} to learn. Profile similarity ${similarityPercent}%.`;

  return (
    <figure>
      <svg role="img" aria-label={`Skill coverage. ${summary}`} viewBox={`0 0 ${width} ${rows.length * rowHeight}`} className="h-auto w-full">
        {rows.map((row, index) => {
          const y = index * rowHeight;
          const length = Math.max(row.share > 0 ? 3 : 0, row.share * barWidth);
          return (
            <g key={row.label} data-row={row.label}>
              <text x={labelWidth - 10} y={y + rowHeight / 2} dy="0.32em" textAnchor="end" fontSize="13" fill="#334155">
                {row.label}
              </text>
              <rect x={labelWidth} y={y + 8} width={barWidth} height={rowHeight - 16} rx="4" fill="#f1f5f9" />
              <rect x={labelWidth} y={y + 8} width={length} height={rowHeight - 16} rx="4" fill={row.color} />
              <text x={labelWidth + barWidth + 8} y={y + rowHeight / 2} dy="0.32em" fontSize="13" fontWeight="600" fill="#0f172a">
                {row.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm text-slate-600">{summary}</figcaption>
    </figure>
  );
}
