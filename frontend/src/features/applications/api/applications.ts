import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import {
  type ApplicationDetail,
  applicationKeys,
  applicationListQuery,
  type ApplicationStage,
  type ApplicationSummary,
  type Reminder,
} from '@/lib/applications';
import { useNotificationListener } from '@/lib/live-notifications';
import { optimisticUpdate } from '@/lib/optimistic';
import { apiGet, apiRequest } from '@/lib/query';
import { ifMatch } from '@/lib/stream-version';

/** The seeker's applications (one stage, or all), newest change first. */
export function useApplications(stage: ApplicationStage | null) {
  return useQuery(applicationListQuery(stage));
}

/** One application with its timeline, pending reminders and tailored versions. */
export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: ({ signal }) => apiGet<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`, { signal }),
  });
}

/**
 * A provider's move and a due reminder arrive as notifications: every tracker view (board, list, the application's
 * page, the job buttons) reloads, so the board follows the employer live.
 */
export function useApplicationsLiveUpdates(): void {
  const queryClient = useQueryClient();
  const reload = useCallback(() => void queryClient.invalidateQueries({ queryKey: applicationKeys.all }), [queryClient]);
  useNotificationListener('application_stage_changed', reload);
  useNotificationListener('reminder', reload);
}

export type MoveInput = {
  application: Pick<ApplicationSummary, 'id' | 'job_id' | 'stage' | 'version'>;
  stage: ApplicationStage;
  note?: string;
  /** ISO date-time of the interview (interviewing only). */
  round_at?: string;
};

/** What the seeker reads when a move is refused: the server's reason for a 409, what happened for a 412. */
export function moveErrorMessage(error: ApiError): string {
  if (error.status === 412) {
    return 'This application changed since you loaded it (the employer may have moved it). It now shows the latest stage: choose again.';
  }
  if (error.status === 409) return `That move isn't possible: ${error.message}`;
  return error.message;
}

async function move({ application, stage, note, round_at }: MoveInput): Promise<ApplicationSummary> {
  // Saved → applied is "I applied" (it records the channel and the date); every later move carries the version seen.
  if (application.stage === 'saved' && stage === 'applied') {
    return (await api.post<ApplicationSummary>(`/jobs/${encodeURIComponent(application.job_id)}/application/applied`, { note: note || undefined })).data;
  }
  const response = await api.post<ApplicationSummary>(
    `/applications/${encodeURIComponent(application.id)}/moves`,
    { stage, note: note || undefined, round_at: stage === 'interviewing' ? round_at : undefined },
    { headers: ifMatch(application.version) },
  );
  return response.data;
}

/**
 * Moves an application. `listStage` names the list the board shows: the card moves there at once and goes back if
 * the server refuses; either way every view reloads afterwards.
 */
export function useMoveApplication(listStage: ApplicationStage | null = null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(move),
    ...optimisticUpdate<ApplicationSummary[], MoveInput>(applicationKeys.list(listStage), (items, { application, stage }) =>
      items.map((item) => (item.id === application.id ? { ...item, stage } : item)),
    ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationKeys.all }),
  });
}

function useApplicationChange<TVariables, T>(request: (variables: TVariables) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKeys.all }),
  });
}

export function useAddNote(id: string) {
  return useApplicationChange(async (note: string) =>
    (await api.post<ApplicationSummary>(`/applications/${encodeURIComponent(id)}/notes`, { note })).data,
  );
}

export type ReminderInput = { due_at: string; text: string };

export function useAddReminder(id: string) {
  return useApplicationChange(async (input: ReminderInput) =>
    (await api.post<Reminder>(`/applications/${encodeURIComponent(id)}/reminders`, input)).data,
  );
}

export function useCancelReminder(id: string) {
  return useApplicationChange(async (reminderId: string) => {
    await api.delete(`/applications/${encodeURIComponent(id)}/reminders/${encodeURIComponent(reminderId)}`);
    return reminderId;
  });
}

const exportCsvPath = '/applications/export.csv';

/**
 * Downloads the CSV export. It is fetched through the API client, not opened as a plain link, because the API
 * authenticates with the bearer token, which a link would not carry; the file keeps the server's name.
 */
export function useExportCsv() {
  return useMutation({
    mutationFn: apiRequest(async () => {
      const response = await api.get<Blob>(exportCsvPath, { responseType: 'blob', headers: { Accept: 'text/csv' } });
      const disposition = String(response.headers['content-disposition'] ?? '');
      const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'ottobon-applications.csv';
      const url = URL.createObjectURL(response.data);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return fileName;
    }),
  });
}
