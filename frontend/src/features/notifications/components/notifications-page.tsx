import { BellOff } from 'lucide-react';
import { NotificationList } from '@/components/notifications/notification-list';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import type { NotificationItem } from '@/lib/live-notifications';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotificationPages } from '@/lib/notifications';

/** Every notification of the signed-in user, newest first, with "Load older" and "Mark all read". */
export function NotificationsPage() {
  const pages = useNotificationPages();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = pages.data?.pages[0]?.unread_count ?? 0;

  const open = (item: NotificationItem) => {
    if (item.read_at === null) markRead.mutate(item.id);
  };

  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">{unread === 1 ? '1 unread' : `${unread} unread`}</p>
        </div>
        <Button variant="secondary" onClick={() => markAll.mutate(undefined)} disabled={unread === 0} isLoading={markAll.isPending}>
          Mark all read
        </Button>
      </div>
      <div className="mt-6">
        {pages.isPending ? (
          <Spinner />
        ) : pages.isError ? (
          <p className="text-sm text-red-700">Notifications could not be loaded.</p>
        ) : items.length === 0 ? (
          <EmptyState icon={BellOff} title="No notifications yet">
            New matching jobs, changes to your applications, reminders and your coach's replies show up here.
          </EmptyState>
        ) : (
          <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
            <NotificationList items={items} onOpen={open} />
          </div>
        )}
        {pages.hasNextPage && (
          <div className="mt-4 text-center">
            <Button variant="secondary" onClick={() => void pages.fetchNextPage()} isLoading={pages.isFetchingNextPage}>
              Load older
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
