import { ArrowRight, Bot, Building2, Gauge, Headset, MapPin, Radar, SearchX } from 'lucide-react';
import { Link } from 'react-router';
import { PostingDate } from '@/components/jobs/posting-date';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { jobDetailPath, paths, registerPath } from '@/config/paths';
import type { JobFeedItem } from '@/types/api';
import { useNewestJobs } from '../api/get-newest-jobs';

const features = [
  {
    icon: Radar,
    title: 'Fresh roles, gathered for you',
    text: 'Internships and early-career openings collected every day from Big-4 and company career sites (Greenhouse, Lever and more), in one feed.',
  },
  {
    icon: Bot,
    title: 'Interview prep for every job',
    text: 'Each job comes with likely interview questions and resume tips written for that role, plus the skills it asks for.',
  },
  {
    icon: Gauge,
    title: 'Know your fit',
    text: 'Upload your resume and get a fit score for each job: the skills you have, the ones to learn, and where to learn them.',
  },
  {
    icon: Headset,
    title: 'A coach, and real people',
    text: 'Ask the live coach about any job. Our team can step in and answer you themselves.',
  },
] as const;

const primaryLink =
  'inline-flex items-center justify-center gap-2 rounded-lg bg-indigo-600 px-5 py-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
const secondaryLink =
  'inline-flex items-center justify-center gap-2 rounded-lg bg-white px-5 py-3 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
const textLink =
  'rounded font-semibold text-indigo-700 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

/** The public home page: what Ottobon Jobs does for students and early-career seekers, the newest jobs, the ways in. */
export function HomePage() {
  return (
    <div className="mx-auto max-w-6xl space-y-14">
      <title>Ottobon Jobs · Your first job in India, found faster</title>

      <section aria-labelledby="home-title" className="pt-4 sm:pt-10">
        <p className="text-sm font-semibold text-indigo-700">For students and early-career job seekers in India</p>
        <h1 id="home-title" className="mt-2 max-w-3xl text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          Your first job, found faster, with help at every step.
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600">
          Ottobon Jobs brings fresh internships and entry-level roles into one feed, tells you how well your resume fits
          each one, and helps you prepare for the interview.
        </p>
        <div className="mt-8 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          <Link to={registerPath('seeker')} className={primaryLink}>
            Sign up to find a job
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
          <Link to={paths.seeker.jobs} className={secondaryLink}>
            Browse jobs without an account
          </Link>
        </div>
        <p className="mt-4 text-sm text-slate-600">
          Already have an account?{' '}
          <Link to={paths.login} className={textLink}>
            Sign in
          </Link>
        </p>
      </section>

      <section aria-labelledby="what-title">
        <h2 id="what-title" className="text-xl font-semibold text-slate-900">
          What you get
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {features.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
              <span className="grid size-10 place-items-center rounded-xl bg-indigo-50 text-indigo-700">
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <h3 className="mt-3 font-semibold text-slate-900">{title}</h3>
              <p className="mt-1 text-sm text-slate-600">{text}</p>
            </li>
          ))}
        </ul>
      </section>

      <NewestJobs />

      <section
        aria-labelledby="providers-title"
        className="flex flex-col gap-4 rounded-2xl bg-indigo-900 p-6 text-white sm:flex-row sm:items-center sm:justify-between sm:p-8"
      >
        <div>
          <h2 id="providers-title" className="text-xl font-semibold">
            Hiring people starting out?
          </h2>
          <p className="mt-1 text-indigo-100">Post your openings for free and reach students and freshers across India.</p>
        </div>
        <Link
          to={registerPath('provider')}
          className="inline-flex shrink-0 items-center justify-center gap-2 rounded-lg bg-white px-5 py-3 text-sm font-semibold text-indigo-900 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          Sign up as a provider
        </Link>
      </section>
    </div>
  );
}

function NewestJobs() {
  const newest = useNewestJobs();
  const jobs = newest.data?.items ?? [];

  return (
    <section aria-labelledby="newest-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="newest-title" className="text-xl font-semibold text-slate-900">
          Newest jobs
        </h2>
        <Link to={paths.seeker.jobs} className={`${textLink} inline-flex items-center gap-1 text-sm`}>
          See all jobs
          <ArrowRight aria-hidden="true" className="size-4" />
        </Link>
      </div>
      {newest.isPending && (
        <div className="mt-4 flex items-center gap-2 text-sm text-slate-600">
          <Spinner size="sm" /> Loading the newest jobs
        </div>
      )}
      {newest.isError && (
        <div className="mt-4">
          <Alert tone="error">We couldn't load the newest jobs. {newest.error.message}</Alert>
        </div>
      )}
      {newest.isSuccess && jobs.length === 0 && (
        <p className="mt-4 flex items-center gap-2 text-sm text-slate-600">
          <SearchX aria-hidden="true" className="size-4" />
          No jobs yet: new ones arrive every day.
        </p>
      )}
      {jobs.length > 0 && (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {jobs.map((job) => (
            <li key={job.id}>
              <NewJobCard job={job} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewJobCard({ job }: { job: JobFeedItem }) {
  const place = job.place?.city ?? job.location;
  return (
    <article className="relative h-full rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5 transition hover:shadow-md hover:ring-indigo-200 has-focus-visible:ring-2 has-focus-visible:ring-indigo-600">
      <h3 className="line-clamp-2 font-semibold text-slate-900">
        <Link to={jobDetailPath(job.id)} className="after:absolute after:inset-0 after:rounded-2xl hover:text-indigo-700 focus:outline-none">
          {job.title}
        </Link>
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <span className="inline-flex min-w-0 items-center gap-1">
          <Building2 aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          {job.company_name}
        </span>
        {place && (
          <span className="inline-flex min-w-0 items-center gap-1">
            <MapPin aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
            {place}
          </span>
        )}
      </p>
      {job.salary_range?.display && <p className="mt-2 text-sm font-medium text-slate-800">{job.salary_range.display}</p>}
      <p className="mt-2 text-xs text-slate-600">
        <PostingDate postedOn={job.posted_on} createdAt={job.created_at} />
      </p>
    </article>
  );
}
