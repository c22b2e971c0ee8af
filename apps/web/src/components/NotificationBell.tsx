import { useState } from 'react';
import { NavLink } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect } from '../session';
import { NotificationEventsSubscription, UnreadNotificationCountQuery } from '../graphql/notifications';

/**
 * The bell in the header: the unread count, kept live by notificationEvents (every event carries
 * the count after the change), and the way to the notification list.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [res, refetch] = useQuery({ query: UnreadNotificationCountQuery });
  const [live, setLive] = useState<number | null>(null);
  useSubscription({ query: NotificationEventsSubscription }, (_prev, event) => {
    setLive(event.notificationEvents.unreadCount);
    return event;
  });
  // Events missed while the socket was away: ask again.
  useOnReconnect(() => {
    setLive(null);
    refetch({ requestPolicy: 'network-only' });
  });
  const count = live ?? res.data?.unreadNotificationCount ?? 0;
  return (
    <NavLink
      to="/benachrichtigungen"
      className="bell"
      data-testid="notification-bell"
      aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      title={t('notifications.bell')}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {count > 0 && (
        <span className="bell-count" data-testid="notification-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
