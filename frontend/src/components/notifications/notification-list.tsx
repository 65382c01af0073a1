import { Link } from 'react-router';
import type { NotificationItem } from '@/lib/live-notifications';
import { paths } from '@/config/paths';

type NotificationListProps = {
  items: NotificationItem[];
  /** Called when an item is opened (the caller marks it read and, in the popover, closes it). */
  onOpen: (item: NotificationItem) => void;
};

/** The server only stores paths inside the app; anything else opens the Notifications page. */
function appPath(link: string | null): string {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : paths.notifications;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Notifications, newest first: each opens its target; unread ones are marked by a dot and a bold title. */
export function NotificationList({ items, onOpen }: NotificationListProps) {
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => {
        const unread = item.read_at === null;
        return (
          <li key={item.id}>
            <Link
              to={appPath(item.link)}
              onClick={() => onOpen(item)}
              className="flex gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
            >
              <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${unread ? 'bg-indigo-600' : 'bg-transparent'}`} />
              <span className="min-w-0 flex-1">
                <span className={`block text-sm break-words ${unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>
                  {unread && <span className="sr-only">Unread: </span>}
                  {item.title}
                </span>
                {item.body && <span className="mt-0.5 block text-sm break-words text-slate-600">{item.body}</span>}
                <time dateTime={item.created_at} className="mt-1 block text-xs text-slate-500">
                  {timeFormat.format(new Date(item.created_at))}
                </time>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
