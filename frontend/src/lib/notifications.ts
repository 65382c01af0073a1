import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api-client';
import { apiGet, apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import { publishLiveNotification, type NotificationItem } from '@/lib/live-notifications';
import { useLiveSocket } from '@/lib/use-live-socket';
import type { Schemas } from '@/types/api';

export type NotificationPage = Schemas['NotificationPage'];

/** How many notifications the bell's popover shows. */
export const bellPreviewCount = 10;
export const notificationsSocketPath = '/ws/notifications';

/** "Notifications, 3 unread": what the bell says to a screen reader. */
export function bellLabel(unread: number): string {
  return `Notifications, ${unread} unread`;
}

export const notificationKeys = {
  unread: () => [...queryRoots.notifications, 'unread'] as const,
  preview: () => [...queryRoots.notifications, 'preview'] as const,
  pages: () => [...queryRoots.notifications, 'pages'] as const,
};

/** What /ws/notifications sends ("__pong__" is filtered out before). Sockets are not in the OpenAPI document. */
export type NotificationServerFrame =
  | { type: 'snapshot'; unread_count: number; notifications: NotificationItem[] }
  | { type: 'notification'; notification: NotificationItem }
  | { type: 'unread_count'; unread_count: number }
  | { type: 'error'; message: string };

/** GET /api/notifications/unread-count; the socket keeps it current once open. */
export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => apiGet<Schemas['UnreadNotifications']>('/notifications/unread-count', { signal }),
    select: (data) => data.unread_count,
    staleTime: 60_000,
  });
}

/** The newest notifications, for the bell's popover. */
export function useNotificationPreview(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.preview(),
    queryFn: ({ signal }) => apiGet<NotificationPage>('/notifications', { params: { limit: bellPreviewCount }, signal }),
    enabled,
    staleTime: 0,
  });
}

/** Every notification, newest first, a page at a time (keyset: each page continues after the last one). */
export function useNotificationPages() {
  return useInfiniteQuery({
    queryKey: notificationKeys.pages(),
    queryFn: ({ pageParam, signal }) => apiGet<NotificationPage>('/notifications', { params: { before: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_before ?? null,
    staleTime: 0,
  });
}

function setUnread(queryClient: QueryClient, unread: number) {
  queryClient.setQueryData<Schemas['UnreadNotifications']>(notificationKeys.unread(), { unread_count: unread });
}

/** POST /api/notifications/{id}/read: opening a notification marks it read. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest((id: string) => api.post(`/notifications/${encodeURIComponent(id)}/read`)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryRoots.notifications }),
  });
}

/** POST /api/notifications/read-all. */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(() => api.post<Schemas['NotificationsMarkedRead']>('/notifications/read-all')),
    onSuccess: () => {
      setUnread(queryClient, 0);
      void queryClient.invalidateQueries({ queryKey: queryRoots.notifications });
    },
  });
}

/**
 * Keeps the signed-in user's notifications live over /ws/notifications (reconnecting with backoff): the unread count
 * from every frame, the lists reloaded when something changes, and each new notification handed to `onNew` and to
 * every {@link useNotificationListener}.
 */
export function useLiveNotifications(onNew: (notification: NotificationItem) => void) {
  const queryClient = useQueryClient();
  const onMessage = useCallback(
    (message: unknown) => {
      const frame = message as NotificationServerFrame;
      if (frame.type === 'snapshot' || frame.type === 'unread_count') {
        setUnread(queryClient, frame.unread_count);
        // A reconnect's snapshot may follow changes made while away.
        void queryClient.invalidateQueries({ queryKey: notificationKeys.preview() });
        void queryClient.invalidateQueries({ queryKey: notificationKeys.pages() });
      } else if (frame.type === 'notification') {
        onNew(frame.notification);
        publishLiveNotification(frame.notification);
      }
    },
    [queryClient, onNew],
  );
  return useLiveSocket({ path: notificationsSocketPath, onMessage });
}
