import { useId } from 'react';
import { formatNumber } from '@/lib/format';
import type { DailyNewJobs } from '../api/types';

export type ChartSeries = { key: string; label: string };

type DailyNewJobsChartProps = {
  data: DailyNewJobs[];
  /** The sources, in the order their bars stack; sources found only in the data are added after them. */
  series: ChartSeries[];
  days: number;
  /** "Today" as YYYY-MM-DD (UTC, like the server's days); defaults to now. */
  today?: string;
};

/** Colours that stay apart for common colour-vision deficiencies (Okabe–Ito), one per source. */
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const width = 720;
const height = 240;
const margin = { top: 12, right: 8, bottom: 28, left: 40 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/**
 * New jobs per source per day as stacked bars: one column per day (days without runs show as empty),
 * one colour per source. The SVG is an image with a summary for screen readers; the numbers are also
 * in a table under "Show the numbers".
 */
export function DailyNewJobsChart({ data, series, days, today = new Date().toISOString().slice(0, 10) }: DailyNewJobsChartProps) {
  const titleId = useId();
  const descId = useId();

  const allSeries = [...series];
  for (const row of data) {
    if (!allSeries.some((s) => s.key === row.source_name)) allSeries.push({ key: row.source_name, label: row.source_name });
  }
  const lastDay = data.reduce((latest, row) => (row.day > latest ? row.day : latest), today);
  const dayKeys = dayRange(lastDay, days);
  const values = new Map<string, number>();
  for (const row of data) {
    const key = `${row.day}|${row.source_name}`;
    values.set(key, (values.get(key) ?? 0) + row.jobs_new);
  }
  const valueOf = (day: string, source: string) => values.get(`${day}|${source}`) ?? 0;
  const totals = dayKeys.map((day) => allSeries.reduce((sum, s) => sum + valueOf(day, s.key), 0));
  const grandTotal = totals.reduce((sum, value) => sum + value, 0);
  const { top, ticks } = niceScale(Math.max(...totals, 0));

  const slot = plotWidth / dayKeys.length;
  const barWidth = Math.max(4, slot * 0.6);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const busiest = totals.indexOf(Math.max(...totals));
  const summary =
    grandTotal === 0
      ? `No new jobs in the last ${days} days.`
      : `${formatNumber(grandTotal)} new jobs in the last ${days} days; the most on ${dayLabel(dayKeys[busiest])} (${totals[busiest]}). ` +
        allSeries
          .map((s) => `${s.label}: ${dayKeys.reduce((sum, day) => sum + valueOf(day, s.key), 0)}`)
          .join(', ') +
        '.';
  const labelEvery = dayKeys.length > 16 ? 3 : dayKeys.length > 8 ? 2 : 1;

  return (
    <figure className="space-y-3">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
      >
        <title id={titleId}>New jobs per source per day</title>
        <desc id={descId}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill="#64748b">
              {tick}
            </text>
          </g>
        ))}
        {dayKeys.map((day, dayIndex) => {
          const x = margin.left + dayIndex * slot + (slot - barWidth) / 2;
          let stacked = 0;
          return (
            <g key={day} data-day={day}>
              {allSeries.map((s, seriesIndex) => {
                const value = valueOf(day, s.key);
                if (value <= 0) return null;
                const y0 = y(stacked);
                stacked += value;
                const y1 = y(stacked);
                return (
                  <rect
                    key={s.key}
                    data-source={s.key}
                    x={x}
                    y={y1}
                    width={barWidth}
                    height={Math.max(1, y0 - y1)}
                    fill={palette[seriesIndex % palette.length]}
                  >
                    <title>{`${s.label}, ${dayLabel(day)}: ${value} new ${value === 1 ? 'job' : 'jobs'}`}</title>
                  </rect>
                );
              })}
              {dayIndex % labelEvery === (dayKeys.length - 1) % labelEvery && (
                <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" fontSize="11" fill="#64748b">
                  {dayLabel(day)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
      </svg>

      <figcaption>
        <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {allSeries.map((s, index) => (
            <li key={s.key} className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-3 rounded-sm" style={{ backgroundColor: palette[index % palette.length] }} />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>

      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-indigo-700">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">New jobs per source per day</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Day
                </th>
                {allSeries.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-4 font-medium">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="py-1 font-medium">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {dayKeys.map((day, index) => (
                <tr key={day} className="border-b border-slate-100 tabular-nums">
                  <th scope="row" className="py-1 pr-4 font-normal text-slate-700">
                    {dayLabel(day)}
                  </th>
                  {allSeries.map((s) => (
                    <td key={s.key} className="py-1 pr-4">
                      {valueOf(day, s.key)}
                    </td>
                  ))}
                  <td className="py-1 font-semibold">{totals[index]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** `count` days (YYYY-MM-DD) ending with `lastDay`, oldest first. */
function dayRange(lastDay: string, count: number): string[] {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(end - (count - 1 - index) * 24 * 3600 * 1000).toISOString().slice(0, 10),
  );
}

let dayFormat: Intl.DateTimeFormat | undefined;

/** "28 Nov" / "Nov 28" in the reader's locale; the day is a UTC date, as the server counts them. */
function dayLabel(day: string): string {
  dayFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

/** A round top for the axis and its ticks (0, step, 2·step…), with about four steps. */
function niceScale(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 4, ticks: [0, 1, 2, 3, 4] };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * magnitude).find((candidate) => candidate >= rough) ?? rough);
  const top = Math.ceil(max / step) * step;
  const ticks = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { top, ticks };
}
