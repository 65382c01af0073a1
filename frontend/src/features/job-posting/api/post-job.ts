import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiLimits } from '@/lib/api-limits.generated';
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

const limits = apiLimits.schemas.PostJob;

/** The server's rules (JobRules), read from its OpenAPI document so mistakes show before anything is sent. */
export const jobRules = {
  minTitleLength: limits.title.minLength,
  maxTitleLength: limits.title.maxLength,
  minDescriptionLength: limits.description_raw.minLength,
  maxDescriptionLength: limits.description_raw.maxLength,
  maxSkills: limits.skills_required.maxItems,
  maxSkillLength: limits.skills_required.itemMaxLength,
  maxShortTextLength: limits.company_name.maxLength,
} as const;

export type PostJobField = 'title' | 'company_name' | 'location' | 'description_raw' | 'skills_required';
export type PostJobErrors = Partial<Record<PostJobField, string>>;

export function validatePostJob(input: PostJobInput): PostJobErrors {
  const errors: PostJobErrors = {};
  const title = input.title.trim();
  const description = input.description_raw.trim();

  if (title.length < jobRules.minTitleLength) errors.title = `Title must be at least ${jobRules.minTitleLength} characters.`;
  else if (title.length > jobRules.maxTitleLength) errors.title = `Title must be at most ${jobRules.maxTitleLength} characters.`;

  if ((input.company_name ?? '').trim().length > jobRules.maxShortTextLength) {
    errors.company_name = `Company name must be at most ${jobRules.maxShortTextLength} characters.`;
  }
  if ((input.location ?? '').trim().length > jobRules.maxShortTextLength) {
    errors.location = `Location must be at most ${jobRules.maxShortTextLength} characters.`;
  }

  if (description.length < jobRules.minDescriptionLength) {
    errors.description_raw = `Description must be at least ${jobRules.minDescriptionLength} characters.`;
  } else if (input.description_raw.length > jobRules.maxDescriptionLength) {
    errors.description_raw = `Description must be at most ${jobRules.maxDescriptionLength.toLocaleString()} characters.`;
  }

  if (input.skills_required.length > jobRules.maxSkills) {
    errors.skills_required = `List at most ${jobRules.maxSkills} skills.`;
  } else if (input.skills_required.some((skill) => skill.length > jobRules.maxSkillLength)) {
    errors.skills_required = `Each skill must be at most ${jobRules.maxSkillLength} characters.`;
  }

  return errors;
}
