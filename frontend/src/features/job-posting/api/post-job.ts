import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { descriptionProblem, jobRules, shortTextProblem, titleProblem } from '@/lib/job-rules';
import { apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import type { Schemas } from '@/types/api';

/** POST /api/jobs. Company name defaults to the poster's name; location may be left out. */
export type PostJobInput = {
  title: string;
  description_raw: string;
  skills_required: string[];
  company_name?: string;
  location?: string;
};

/** 202 Accepted: the job is recorded and will become active once it has been enriched. */
export type PostJobAccepted = Schemas['JobAccepted'];

export async function postJob(input: PostJobInput): Promise<PostJobAccepted> {
  const response = await api.post<PostJobAccepted>('/jobs', input);
  return response.data;
}

/** Posts a job; the provider's listings (and any other view of jobs) are loaded again to show it. */
export function usePostJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(postJob),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryRoots.jobs }),
  });
}

export { jobRules };

export type PostJobField = 'title' | 'company_name' | 'location' | 'description_raw' | 'skills_required';
export type PostJobErrors = Partial<Record<PostJobField, string>>;

export function validatePostJob(input: PostJobInput): PostJobErrors {
  const errors: PostJobErrors = {
    title: titleProblem(input.title),
    company_name: shortTextProblem('Company name', input.company_name),
    location: shortTextProblem('Location', input.location),
    description_raw: descriptionProblem(input.description_raw),
  };

  if (input.skills_required.length > jobRules.maxSkills) {
    errors.skills_required = `List at most ${jobRules.maxSkills} skills.`;
  } else if (input.skills_required.some((skill) => skill.length > jobRules.maxSkillLength)) {
    errors.skills_required = `Each skill must be at most ${jobRules.maxSkillLength} characters.`;
  }

  return errors;
}
