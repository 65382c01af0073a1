import { Lightbulb } from 'lucide-react';
import type { ReactNode } from 'react';
import { Markdown } from '@/components/markdown/markdown';
import { ChipList } from '@/components/ui/chip-list';
import { Tabs } from '@/components/ui/tabs';
import type { JobDetails } from '@/types/api';

/** The four pillars of a job page, as tabs: Description, Skills, Interview Prep and Resume Tips. */
export function JobPillars({ job }: { job: JobDetails }) {
  const questions = job.prep_guide_generated?.prep_questions ?? [];
  const tips = job.resume_guide_generated?.resume_guide ?? [];
  const isPreparing = job.status === 'processing';

  return (
    <Tabs
      label="Job details"
      tabs={[
        { id: 'description', label: 'Description', content: <Description job={job} /> },
        {
          id: 'skills',
          label: 'Skills',
          content:
            job.skills_required.length > 0 ? (
              <ChipList label="Skills required" items={job.skills_required} size="md" />
            ) : (
              <Placeholder preparing={isPreparing}>No skills listed for this job.</Placeholder>
            ),
        },
        {
          id: 'prep',
          label: 'Interview Prep',
          content:
            questions.length > 0 ? (
              <ol className="space-y-4">
                {questions.map((item, index) => (
                  <li key={index} className="flex gap-4 rounded-xl bg-slate-50 p-4">
                    <span
                      aria-hidden="true"
                      className="grid size-8 shrink-0 place-items-center rounded-full bg-indigo-600 text-sm font-bold text-white"
                    >
                      {index + 1}
                    </span>
                    <div className="min-w-0">
                      <p className="font-semibold text-slate-900">{item.question}</p>
                      <p className="mt-2 text-sm text-slate-700">
                        <span className="font-medium text-indigo-700">How to answer: </span>
                        {item.answer_strategy}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <Placeholder preparing={isPreparing}>No interview questions for this job.</Placeholder>
            ),
        },
        {
          id: 'resume',
          label: 'Resume Tips',
          content:
            tips.length > 0 ? (
              <ol className="space-y-3">
                {tips.map((tip, index) => (
                  <li key={index} className="flex gap-3 rounded-xl bg-slate-50 p-4 text-slate-800">
                    <Lightbulb aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-500" />
                    <span>
                      <span className="sr-only">Tip {index + 1}: </span>
                      {tip}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <Placeholder preparing={isPreparing}>No resume tips for this job.</Placeholder>
            ),
        },
      ]}
    />
  );
}

function Description({ job }: { job: JobDetails }) {
  // The server renders every description to sanitised HTML (a provider's Markdown through Markdig, a career site's
  // markup as it came); the raw text, read as Markdown, stands in only for a job whose HTML is not there.
  if (!job.description_html.trim()) {
    return <Markdown text={job.description_raw} headings className="leading-relaxed text-slate-800" />;
  }
  return (
    <div
      className="max-w-none space-y-3 leading-relaxed text-slate-800 [&_a]:text-indigo-700 [&_a]:underline [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_strong]:font-semibold [&_ul]:list-disc [&_ul]:pl-6"
      // Sanitised by the server (DescriptionHtml) before it is stored.
      dangerouslySetInnerHTML={{ __html: job.description_html }}
    />
  );
}

function Placeholder({ preparing, children }: { preparing: boolean; children: ReactNode }) {
  return (
    <p className="text-sm text-slate-600">
      {preparing ? 'This appears here once the job has been prepared — usually within a minute.' : children}
    </p>
  );
}
