import { useEffect, useRef } from 'react';
import type { Schemas } from '@/types/api';

/** One notification as the list, the bell and the socket carry it. */
export type NotificationItem = Schemas['NotificationItem'];
export type NotificationKind = NotificationItem['kind'];

type Listener = { kind: NotificationKind | null; handler: (notification: NotificationItem) => void };

const listeners = new Set<Listener>();

/**
 * Called by the bell for each notification the notification socket pushes (once per notification, on the page
 * that holds the socket). Any feature can react through {@link useNotificationListener} without importing the bell.
 */
export function publishLiveNotification(notification: NotificationItem): void {
  for (const listener of [...listeners]) {
    if (listener.kind === null || listener.kind === notification.kind) listener.handler(notification);
  }
}

/**
 * Runs `handler` for each live notification of `kind` (or every kind, with null) while the component is mounted,
 * e.g. the tracker board reloading when a provider moves an application. The latest handler is used; no re-subscribe.
 */
export function useNotificationListener(kind: NotificationKind | null, handler: (notification: NotificationItem) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    const listener: Listener = { kind, handler: (notification) => latest.current(notification) };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [kind]);
}
