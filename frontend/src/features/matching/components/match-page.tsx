import { ArrowLeft, BookOpen, CircleCheck, CircleX, ExternalLink, RefreshCw, SearchX, TriangleAlert } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { FitBadge } from '@/components/matching/fit-badge';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner, Spinner } from '@/components/ui/spinner';
import { jobDetailPath, paths } from '@/config/paths';
import { matchRetries, useJobMatch, useMatchedJob } from '../api/match-job';
import type { JobMatch, LearningRecommendation } from '../api/types';
import { ScoreGauge } from './score-gauge';
import { SkillsCoverageChart } from './skills-coverage-chart';
import { TailorPanel } from './tailor-panel';

/** "Check my fit": how well the seeker's resume fits one job, what is missing and where to learn it. */
export function MatchPage() {
  const { id } = useParams<{ id: string }>();
  const job = useMatchedJob(id);
  const { state, retry } = useJobMatch(id);
  const title = job.data?.title;

  return (
    <div className="mx-auto max-w-5xl">
      <title>{`Your fit${title ? ` for ${title}` : ''} · Ottobon Jobs`}</title>
      <Link
        to={id ? jobDetailPath(id) : paths.seeker.jobs}
        className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Back to the job
      </Link>
      <div className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Your fit{title ? ` for ${title}` : ''}</h1>
        {job.data && <p className="mt-1 text-slate-600">{job.data.company_name}</p>}
      </div>

      {state.status === 'loading' && <FullPageSpinner label="Checking your fit" />}

      {state.status === 'waiting' && (
        <div role="status" className="flex items-start gap-3 rounded-2xl bg-sky-50 p-5 text-sky-900 ring-1 ring-sky-200 ring-inset">
          <Spinner />
          <div>
            <p className="font-semibold">{state.detail}</p>
            <p className="mt-1 text-sm">
              We'll check again in a few seconds (try {state.attempt} of {matchRetries}).
            </p>
          </div>
        </div>
      )}

      {state.status === 'needs_resume' && (
        <div className="space-y-4">
          <Alert tone="warning">
            <p className="font-semibold">{state.detail}</p>
            <p className="mt-1">
              {state.stillProcessing
                ? 'Your resume is taking longer than usual. Try again in a moment, or upload it again on your Profile page.'
                : 'Upload your resume on your Profile page, then come back to see how well you fit this job.'}
            </p>
          </Alert>
          <div className="flex flex-wrap gap-3">
            <Link
              to={paths.seeker.profile}
              className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Upload your resume on your Profile
            </Link>
            <Button variant="secondary" onClick={retry}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Try again
            </Button>
          </div>
        </div>
      )}

      {state.status === 'not_found' && (
        <EmptyState icon={SearchX} title="This job isn't available">
          It may have been archived, or it isn't visible to your account.
        </EmptyState>
      )}

      {state.status === 'error' && (
        <div className="space-y-3">
          <Alert tone="error">We couldn't check your fit. {state.message}</Alert>
          <Button variant="secondary" onClick={retry}>
            Try again
          </Button>
        </div>
      )}

      {state.status === 'success' && <MatchResult match={state.match} />}
      {state.status === 'success' && id && <TailorPanel jobId={id} />}
    </div>
  );
}

function MatchResult({ match }: { match: JobMatch }) {
  return (
    <div className="space-y-6">
      <div className="grid gap-6 grid-cols-1 md:grid-cols-[16rem_minmax(0,1fr)]">
        <section
          aria-labelledby="score-title"
          className="flex flex-col items-center rounded-2xl bg-white p-5 text-center shadow-sm ring-1 ring-slate-900/5"
        >
          <h2 id="score-title" className="sr-only">
            Match score
          </h2>
          <ScoreGauge fit={match.fit} />
          <div className="mt-2 flex flex-wrap justify-center gap-2">
            <FitBadge fit={match.fit} />
            {match.gap_detected && (
              <Badge tone="warning">
                <TriangleAlert aria-hidden="true" className="size-3" />
                Gap detected
              </Badge>
            )}
          </div>
        </section>
        <section aria-labelledby="coverage-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
          <h2 id="coverage-title" className="mb-3 text-lg font-semibold text-slate-900">
            Your skills against the job's
          </h2>
          <SkillsCoverageChart
            matched={match.matched_skills.length}
            missing={match.missing_skills.length}
            similarity={match.similarity_score}
          />
        </section>
      </div>

      {match.explanation && (
        <section aria-labelledby="why-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
          <h2 id="why-title" className="text-lg font-semibold text-slate-900">
            Why this score
          </h2>
          <p className="mt-2 whitespace-pre-line text-slate-700">{match.explanation}</p>
        </section>
      )}

      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <SkillList
          id="matched-title"
          title="Skills you have"
          empty="None of the job's skills were found in your resume yet."
          skills={match.matched_skills}
          tone="matched"
        />
        <SkillList
          id="missing-title"
          title="Skills to build"
          empty="You have every skill the job lists."
          skills={match.missing_skills}
          tone="missing"
        />
      </div>

      {match.learning_recommendations.length > 0 && <LearningLinks recommendations={match.learning_recommendations} />}
    </div>
  );
}

function SkillList({
  id,
  title,
  empty,
  skills,
  tone,
}: {
  id: string;
  title: string;
  empty: string;
  skills: string[];
  tone: 'matched' | 'missing';
}) {
  const Icon = tone === 'matched' ? CircleCheck : CircleX;
  return (
    <section aria-labelledby={id} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title} <span className="text-sm font-normal text-slate-500">({skills.length})</span>
      </h2>
      {skills.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul aria-labelledby={id} className="mt-3 flex flex-wrap gap-2">
          {skills.map((skill) => (
            <li
              key={skill}
              className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium ${
                tone === 'matched' ? 'bg-emerald-50 text-emerald-800' : 'bg-amber-50 text-amber-900'
              }`}
            >
              <Icon aria-hidden="true" className="size-4" />
              {skill}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LearningLinks({ recommendations }: { recommendations: LearningRecommendation[] }) {
  return (
    <section aria-labelledby="learn-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
      <h2 id="learn-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        <BookOpen aria-hidden="true" className="size-5 text-indigo-500" />
        Learn the missing skills
      </h2>
      <div className="mt-3 grid gap-5 sm:grid-cols-2">
        {recommendations.map((recommendation) => {
          const resources = recommendation.resources.filter((resource) => safeUrl(resource.url));
          return (
            <div key={recommendation.skill}>
              <h3 className="font-semibold text-slate-900">{recommendation.skill}</h3>
              {resources.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600">No links yet.</p>
              ) : (
                <ul aria-label={`Learning resources for ${recommendation.skill}`} className="mt-2 space-y-2">
                  {resources.map((resource) => (
                    <li key={resource.url} className="flex items-start gap-2 text-sm">
                      <a
                        href={safeUrl(resource.url)!}
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label={`${resource.title} (${resource.type}, opens in a new tab)`}
                        className="inline-flex items-start gap-1 rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                      >
                        {resource.title}
                        <ExternalLink aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                      </a>
                      {resource.type && <Badge>{resource.type}</Badge>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** Only http(s) links are opened. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
