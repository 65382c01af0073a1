import { Link } from 'react-router';
import { applicationPath } from '@/config/paths';
import type { ApplicationSummary } from '@/lib/applications';
import { formatDate } from '@/lib/format';
import { FitScore, JobArchivedBadge, ProviderStage, StageBadge } from './application-badges';

/** The tracker as a list: a table on wide screens, stacked cards on a phone (same facts, newest change first). */
export function ApplicationList({ applications }: { applications: ApplicationSummary[] }) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-900/5 md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your applications, newest change first</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2.5">Job</th>
              <th scope="col" className="px-4 py-2.5">Stage</th>
              <th scope="col" className="px-4 py-2.5">Applied on</th>
              <th scope="col" className="px-4 py-2.5">Fit</th>
              <th scope="col" className="px-4 py-2.5">Job status</th>
              <th scope="col" className="px-4 py-2.5">Updated</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {applications.map((application) => (
              <tr key={application.id}>
                <td className="px-4 py-3">
                  <Link to={applicationPath(application.id)} className="font-semibold text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                    {application.job_title}
                  </Link>
                  <div className="text-xs text-slate-600">{application.company}</div>
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-col items-start gap-1">
                    <StageBadge stage={application.stage} />
                    <ProviderStage application={application} />
                  </div>
                </td>
                <td className="px-4 py-3 text-slate-700">{application.applied_on ? formatDate(application.applied_on) : '—'}</td>
                <td className="px-4 py-3"><FitScore score={application.fit_score} /></td>
                <td className="px-4 py-3">{application.job_archived ? <JobArchivedBadge application={application} /> : <span className="text-slate-700">Open</span>}</td>
                <td className="px-4 py-3 text-slate-700">{formatDate(application.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Your applications, newest change first" className="space-y-3 md:hidden">
        {applications.map((application) => (
          <li key={application.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5">
            <Link to={applicationPath(application.id)} className="font-semibold break-words text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
              {application.job_title}
            </Link>
            <p className="text-sm break-words text-slate-600">{application.company}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <StageBadge stage={application.stage} />
              <FitScore score={application.fit_score} />
              <JobArchivedBadge application={application} />
              <ProviderStage application={application} />
            </div>
            <p className="mt-2 text-xs text-slate-600">
              {application.applied_on ? `Applied ${formatDate(application.applied_on)} · ` : ''}Updated {formatDate(application.updated_at)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
