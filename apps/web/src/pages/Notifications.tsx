import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle, Section } from '../ui';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationReadMutation,
  NotificationEventsSubscription,
  NotificationsQuery,
} from '../graphql/notifications';

const PAGE = 20;

/** The signed-in user's notifications: newest first, live, each linking to its object. */
export default function Notifications() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [version, setVersion] = useState(0);
  const [markAll, doMarkAll] = useMutation(MarkAllNotificationsReadMutation);
  const [status, setStatus] = useState('');
  const reload = () => {
    setPages([null]);
    setVersion((v) => v + 1);
  };
  useSubscription({ query: NotificationEventsSubscription }, (_prev, event) => {
    if (event.notificationEvents.change === 'CREATED') {
      setStatus(t('notifications.live'));
      reload();
    }
    return event;
  });
  useOnReconnect(reload);
  return (
    <>
      <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
      <p className="visually-hidden" aria-live="polite" data-testid="live-region">
        {status}
      </p>
      <div className="toolbar">
        <label>
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPages([null]);
            }}
          />{' '}
          {t('notifications.unreadOnly')}
        </label>
        <button
          type="button"
          disabled={markAll.fetching}
          onClick={async () => {
            const res = await doMarkAll({});
            if (!res.error) {
              setStatus(t('notifications.allMarked', { count: res.data?.markAllNotificationsRead ?? 0 }));
              reload();
            }
          }}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {markAll.error && <ErrorMessage error={markAll.error} />}
      <Section title={t('notifications.title')} id="notifications">
        <ul className="notification-list" data-testid="notification-list">
          {pages.map((after, i) => (
            <NotificationPage
              key={`${version}:${unreadOnly}:${after ?? ''}`}
              after={after}
              unreadOnly={unreadOnly}
              first={i === 0}
              onMore={(cursor) => setPages((p) => [...p.slice(0, i + 1), cursor])}
              last={i === pages.length - 1}
            />
          ))}
        </ul>
      </Section>
    </>
  );
}

function NotificationPage(props: {
  after: string | null;
  unreadOnly: boolean;
  first: boolean;
  last: boolean;
  onMore(cursor: string): void;
}) {
  const { t, lang, fmtDateTime } = useI18n();
  const session = useSession();
  const [res] = useQuery({
    query: NotificationsQuery,
    variables: { first: PAGE, after: props.after, unreadOnly: props.unreadOnly, language: lang },
    requestPolicy: 'network-only',
  });
  const [, markRead] = useMutation(MarkNotificationReadMutation);
  const [read, setRead] = useState<Set<string>>(new Set());
  if (res.fetching && !res.data) return <li>{<Loading />}</li>;
  if (res.error) return <li>{<ErrorMessage error={res.error} />}</li>;
  const edges = res.data?.notifications.edges ?? [];
  const memberOf = new Set(session.user?.memberships.map((m) => m.alliance.id));
  return (
    <>
      {props.first && !edges.length && (
        <li>
          <Empty>{t(props.unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')}</Empty>
        </li>
      )}
      {edges.map(({ node: n }) => {
        const unread = !n.readAt && !read.has(n.id);
        const reachable = !n.allianceId || memberOf.has(n.allianceId);
        const mark = () => {
          if (!unread) return;
          setRead((s) => new Set(s).add(n.id));
          void markRead({ id: n.id });
        };
        return (
          <li
            key={n.id}
            className={unread ? 'notification unread' : 'notification'}
            data-testid="notification"
          >
            <div className="notification-head">
              {unread && <Badge kind="open">{t('notifications.unread')}</Badge>}{' '}
              <span className="muted">{n.kindLabel}</span> ·{' '}
              <time className="muted" dateTime={n.createdAt}>
                {fmtDateTime(n.createdAt)}
              </time>
            </div>
            {reachable ? (
              <Link
                to={n.path}
                className="notification-title"
                onClick={() => {
                  mark();
                  if (n.allianceId && n.allianceId !== session.allianceId)
                    session.selectAlliance(n.allianceId);
                }}
              >
                {n.title}
              </Link>
            ) : (
              <strong className="notification-title">{n.title}</strong>
            )}
            <p>{n.text}</p>
            {!reachable && <p className="muted">{t('notifications.otherAlliance')}</p>}
            {unread && (
              <button type="button" className="link-button" onClick={mark}>
                {t('notifications.markRead')}
              </button>
            )}
          </li>
        );
      })}
      {props.last && res.data?.notifications.pageInfo.hasNextPage && (
        <li>
          <button type="button" onClick={() => props.onMore(res.data!.notifications.pageInfo.endCursor!)}>
            {t('notifications.more')}
          </button>
        </li>
      )}
    </>
  );
}
