import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { MeetingNotificationEventsSubscription } from '../graphql/live-ops';
import {
  AllianceQuery,
  MeetingsQuery,
  RotateCalendarFeedMutation,
  ScheduleMeetingMutation,
} from '../graphql/ops';
import type { MeetingKind } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { MeetingPublication } from '../components/MeetingPublication';
import { CreatePanel } from '../components/CreatePanel';
import { InviteesField } from '../components/InviteesField';
import { CalendarSubscription } from '../features/meetings/CalendarSubscription';
import { Badge, Empty, Loading, localToIso, PageTitle, Section } from '../ui';

export default function Meetings() {
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const allianceId = session.allianceId!;
  const [res, refetch] = useQuery({ query: MeetingsQuery, variables: { allianceId } });
  const [feed, rotate] = useMutation(RotateCalendarFeedMutation);
  // An invitation (or a change or cancellation) told to this user shows in the list at once.
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useSubscription({ query: MeetingNotificationEventsSubscription }, (_prev, event) => {
    if (event.notificationEvents.notification?.objectType === 'Meeting') reload();
    return event;
  });
  useOnReconnect(reload);
  const meetings = [...(res.data?.meetings ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const feedUrl = feed.data?.rotateCalendarFeed.url ?? res.data?.calendarFeed?.url;
  const canSchedule = session.hasRole('COORDINATOR', 'FACILITATOR');

  return (
    <>
      <PageTitle title={t('meetings.title')}>{t('meetings.title')}</PageTitle>
      {canSchedule && (
        <CreatePanel id="schedule" label={t('meetings.schedule')} title={t('meetings.schedule')}>
          {(close) => (
            <ScheduleMeeting
              allianceId={allianceId}
              onDone={() => refetch({ requestPolicy: 'network-only' })}
              onCancel={close}
            />
          )}
        </CreatePanel>
      )}
      <Section title={t('meetings.list')} id="meeting-list">
        {res.error && <ErrorMessage error={res.error} />}
        {res.fetching && !res.data ? (
          <Loading />
        ) : meetings.length === 0 ? (
          <Empty>{t('meetings.empty')}</Empty>
        ) : (
          <table>
            <caption className="visually-hidden">{t('meetings.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.title')}</th>
                <th scope="col">{t('meetings.when')}</th>
                <th scope="col">{t('meetings.kind')}</th>
                <th scope="col">{t('field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/sitzungen/${m.id}`}>{m.title}</Link>
                  </td>
                  <td>{fmtDateTime(m.startsAt)}</td>
                  <td>{t(`enum.MeetingKind.${m.kind}`)}</td>
                  <td>
                    <Badge kind={m.status}>{t(`enum.MeetingStatus.${m.status}`)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <MeetingPublication allianceId={allianceId} />
      <Section title={t('meetings.calendar')} id="calendar">
        <p>{t('meetings.calendarIntro')}</p>
        {feedUrl ? <CalendarSubscription url={feedUrl} /> : <Empty>{t('meetings.noCalendar')}</Empty>}
        <button type="button" onClick={() => void rotate({})} disabled={feed.fetching}>
          {feedUrl ? t('meetings.calendarRotate') : t('meetings.calendarCreate')}
        </button>
        {feed.error && <ErrorMessage error={feed.error} />}
      </Section>
    </>
  );
}

function ScheduleMeeting({
  allianceId,
  onDone,
  onCancel,
}: {
  allianceId: string;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: allianceId } });
  const [result, schedule] = useMutation(ScheduleMeetingMutation);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('STEERING_GROUP');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [location, setLocation] = useState('');
  const [facilitatorId, setFacilitatorId] = useState('');
  const partners = alliance.data?.alliance?.partners ?? [];
  // All active partners are invited unless the form says otherwise (a working group invites a few).
  const [invited, setInvited] = useState<string[] | null>(null);
  useEffect(() => {
    const loaded = alliance.data?.alliance?.partners;
    if (loaded) setInvited((now) => now ?? loaded.filter((p) => p.status === 'ACTIVE').map((p) => p.id));
  }, [alliance.data]);
  const facilitators =
    alliance.data?.alliance?.members.filter(
      (m) => m.roles.includes('FACILITATOR') || m.roles.includes('COORDINATOR'),
    ) ?? [];
  const self = session.hasRole('FACILITATOR') ? session.user!.id : '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await schedule({
      input: {
        allianceId,
        title: title.trim(),
        kind,
        startsAt: localToIso(startsAt),
        endsAt: localToIso(endsAt),
        location: location.trim() || null,
        facilitatorId: facilitatorId || self || facilitators[0]?.user.id,
        invitedPartnerIds: invited ?? [],
      },
    });
    if (r.data) {
      onDone();
      navigate(`/sitzungen/${r.data.scheduleMeeting.id}`);
    }
  };

  return (
    <form className="form grid" onSubmit={submit}>
      <div>
        <label htmlFor="m-title">{t('field.title')}</label>
        <input id="m-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div>
        <label htmlFor="m-kind">{t('meetings.kind')}</label>
        <select id="m-kind" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {(['PLENARY', 'STEERING_GROUP', 'WORKING_GROUP'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`enum.MeetingKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="m-start">{t('meetings.startsAt')}</label>
        <input
          id="m-start"
          type="datetime-local"
          required
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor="m-end">{t('meetings.endsAt')}</label>
        <input
          id="m-end"
          type="datetime-local"
          required
          value={endsAt}
          onChange={(e) => setEndsAt(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor="m-location">{t('meetings.location')}</label>
        <input id="m-location" value={location} onChange={(e) => setLocation(e.target.value)} />
      </div>
      <div>
        <label htmlFor="m-facilitator">{t('meetings.facilitator')}</label>
        <select
          id="m-facilitator"
          value={facilitatorId || self}
          onChange={(e) => setFacilitatorId(e.target.value)}
        >
          {facilitators.map((m) => (
            <option key={m.user.id} value={m.user.id}>
              {m.user.displayName}
            </option>
          ))}
        </select>
      </div>
      <InviteesField idPrefix="m" partners={partners} selected={invited ?? []} onChange={setInvited} />
      {result.error && <ErrorMessage error={result.error} />}
      <div className="wide actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          {t('meetings.scheduleSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
