import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { apiGet, apiRequest } from '@/lib/query';
import { ifMatch } from '@/lib/stream-version';
import type { Schemas } from '@/types/api';

export type ApplicantStage = Schemas['ApplicantResponse']['stage'];
export type Applicant = Schemas['ApplicantResponse'];
export type JobApplicants = Schemas['JobApplicantsResponse'];
export type MyApplication = Schemas['MyApplicationResponse'];
export type MyResume = Schemas['MyResumeResponse'];

export const applicantStages: { value: ApplicantStage; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'shortlisted', label: 'Shortlisted' },
  { value: 'interview', label: 'Interview' },
  { value: 'offer', label: 'Offer' },
  { value: 'rejected', label: 'Rejected' },
];

export function stageLabel(stage: ApplicantStage): string {
  return applicantStages.find((s) => s.value === stage)?.label ?? stage;
}

export const applicantKeys = {
  all: ['applicants'] as const,
  ofJob: (jobId: string) => [...applicantKeys.all, 'job', jobId] as const,
  mine: (jobId: string) => [...applicantKeys.all, 'mine', jobId] as const,
  myResume: () => [...applicantKeys.all, 'my-resume'] as const,
};

/** A 404 is an answer here ("not yet"), not a failure. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The seeker's own application to this job through Ottobon, or null when they have not applied. */
export function useMyApplication(jobId: string) {
  return useQuery({
    queryKey: applicantKeys.mine(jobId),
    // 204 (not applied) has an empty body.
    queryFn: ({ signal }) =>
      apiGet<MyApplication | ''>(`/jobs/${encodeURIComponent(jobId)}/applications/mine`, { signal }).then((found) => found || null),
  });
}

/** The resume an application would send (null: the seeker has none yet). */
export function useMyResume(enabled: boolean) {
  return useQuery({
    queryKey: applicantKeys.myResume(),
    queryFn: ({ signal }) => orNull(apiGet<MyResume>('/users/me/resume', { signal })),
    enabled,
  });
}

export function useApply(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(async (note: string) => {
      const response = await api.post<MyApplication>(`/jobs/${encodeURIComponent(jobId)}/applications`, { note: note.trim() || null });
      return response.data;
    }),
    onSuccess: (application) => queryClient.setQueryData(applicantKeys.mine(jobId), application),
  });
}

/** A job's applicants, best fit first (its owner and admins). */
export function useJobApplicants(jobId: string) {
  return useQuery({
    queryKey: applicantKeys.ofJob(jobId),
    queryFn: ({ signal }) => apiGet<JobApplicants>(`/jobs/${encodeURIComponent(jobId)}/applicants`, { signal }),
    staleTime: 0,
  });
}

type MoveInput = { applicantId: string; version: number; stage: ApplicantStage; note: string };

export function useMoveApplicant(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(async ({ applicantId, version, stage, note }: MoveInput) => {
      const response = await api.post<Schemas['ApplicantChanged']>(
        `/applicants/${encodeURIComponent(applicantId)}/stage`,
        { stage, note: note.trim() || null },
        { headers: ifMatch(version) },
      );
      return response.data;
    }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: applicantKeys.ofJob(jobId) }),
  });
}

/** Asks for a fresh signed link to the applicant's resume (it lives a few minutes). */
export async function applicantResumeLink(applicantId: string): Promise<Schemas['ApplicantResumeLink']> {
  return apiRequest(async () => (await api.get<Schemas['ApplicantResumeLink']>(`/applicants/${encodeURIComponent(applicantId)}/resume-link`)).data)(
    undefined,
  );
}
