import { Bell } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { NotificationItem } from '@/lib/live-notifications';
import {
  bellLabel,
  useLiveNotifications,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotificationPreview,
  useUnreadNotificationCount,
} from '@/lib/notifications';
import { NotificationList } from './notification-list';

/**
 * The header's bell (every role): the unread count, live over /ws/notifications; a popover with the newest and
 * "Mark all read"; each item opens its target and is marked read. Escape or a click outside closes the popover and
 * focus returns to the bell. New notifications are announced politely.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const unread = useUnreadNotificationCount().data ?? 0;
  const preview = useNotificationPreview(open);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  const onNew = useCallback((notification: NotificationItem) => setAnnouncement(`New notification: ${notification.title}`), []);
  useLiveNotifications(onNew);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close]);

  const openItem = (item: NotificationItem) => {
    if (item.read_at === null) markRead.mutate(item.id);
    close(false);
  };

  const items = preview.data?.items ?? [];
  return (
    <div className="relative sm:relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="relative rounded-lg p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <Bell aria-hidden="true" className="size-6" />
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Notifications"
          className="fixed inset-x-2 top-16 z-50 max-h-[70dvh] overflow-y-auto rounded-xl border border-slate-200 bg-white shadow-xl sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <button
              type="button"
              onClick={() => markAll.mutate(undefined)}
              disabled={unread === 0 || markAll.isPending}
              className="rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-500"
            >
              Mark all read
            </button>
          </div>
          {preview.isPending ? (
            <p className="px-4 py-6 text-sm text-slate-600">Loading…</p>
          ) : preview.isError ? (
            <p className="px-4 py-6 text-sm text-red-700">Notifications could not be loaded.</p>
          ) : items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">Nothing yet. You'll be told here when something happens.</p>
          ) : (
            <NotificationList items={items} onOpen={openItem} />
          )}
          <div className="border-t border-slate-100 px-4 py-3">
            <Link
              to={paths.notifications}
              onClick={() => close(false)}
              className="text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              See all notifications
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
