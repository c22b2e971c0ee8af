import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { MeetingEventsSubscription } from '../graphql/live-ops';
import { MeetingQuery } from '../graphql/ops';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle } from '../ui';
import { PdfDownload } from '../features/meetings/PdfDownload';
import { Agenda } from '../features/meetings/Agenda';
import { AttendancePanel } from '../features/meetings/AttendancePanel';
import { Decisions } from '../features/meetings/Decisions';
import { MinutesPanel } from '../features/meetings/MinutesPanel';
import { MeetingLifecycle } from '../features/meetings/MeetingLifecycle';
import { EditInvitees } from '../features/meetings/EditInvitees';

export default function MeetingRoom() {
  const { id } = useParams();
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const { hash } = useLocation();
  const [res, refetch] = useQuery({ query: MeetingQuery, variables: { id: id! } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // Everyone's view follows attendance, quorum, decisions, agenda and state as they change (meetingEvents).
  useSubscription({ query: MeetingEventsSubscription, variables: { meetingId: id! } }, (_prev, event) => {
    reload();
    return event;
  });
  useOnReconnect(reload);
  // A link to a part of the room (the calendar's "#agenda") scrolls there once the meeting is shown.
  const shown = !!res.data?.meeting;
  useEffect(() => {
    if (shown && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [shown, hash]);

  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const meeting = res.data?.meeting;
  if (!meeting) return <Empty>{t('common.notFound')}</Empty>;

  const chair =
    session.hasRole('COORDINATOR') ||
    (session.hasRole('FACILITATOR') && meeting.facilitator.id === session.user?.id);
  const approved = meeting.status === 'MINUTES_APPROVED';
  const editable = chair && !approved && meeting.status !== 'CANCELLED';

  return (
    <>
      <p>
        <Link to="/sitzungen">← {t('meetings.back')}</Link>
      </p>
      <PageTitle title={meeting.title}>{meeting.title}</PageTitle>
      <div className="card">
        <p>
          <Badge kind={meeting.status}>
            <span data-testid="meeting-status">{t(`enum.MeetingStatus.${meeting.status}`)}</span>
          </Badge>{' '}
          {t(`enum.MeetingKind.${meeting.kind}`)} · {fmtDateTime(meeting.startsAt)} –{' '}
          {fmtDateTime(meeting.endsAt)}
          {meeting.location && <> · {meeting.location}</>} · {t('meetings.facilitator')}:{' '}
          {meeting.facilitator.displayName}
        </p>
        {approved && (
          <p className="notice" role="note" data-testid="read-only">
            {t('meetings.readOnly')}
          </p>
        )}
        <div className="actions">
          {chair && <MeetingLifecycle meeting={meeting} reload={reload} />}
          {meeting.status !== 'CANCELLED' && <PdfDownload meetingId={meeting.id} title={meeting.title} />}
        </div>
        {editable && <EditInvitees meeting={meeting} reload={reload} />}
      </div>
      <Agenda meeting={meeting} editable={editable} reload={reload} />
      <AttendancePanel
        meeting={meeting}
        editable={editable && meeting.status !== 'ADJOURNED'}
        reload={reload}
      />
      <Decisions
        meeting={meeting}
        editable={editable && (meeting.status === 'IN_PROGRESS' || meeting.status === 'ADJOURNED')}
        amendable={approved && session.hasRole('COORDINATOR', 'FACILITATOR')}
        reload={reload}
      />
      <MinutesPanel meeting={meeting} chair={chair} reload={reload} />
    </>
  );
}
