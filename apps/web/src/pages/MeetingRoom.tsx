import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { MeetingEventsSubscription } from '../graphql/live-ops';
import {
  AdjournMeetingMutation,
  CancelMeetingMutation,
  MeetingQuery,
  StartMeetingMutation,
} from '../graphql/ops';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle } from '../ui';
import { PdfDownload } from '../features/meetings/PdfDownload';
import { Agenda } from '../features/meetings/Agenda';
import { AttendancePanel } from '../features/meetings/AttendancePanel';
import { Decisions } from '../features/meetings/Decisions';
import { MinutesPanel } from '../features/meetings/MinutesPanel';

export default function MeetingRoom() {
  const { id } = useParams();
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const [res, refetch] = useQuery({ query: MeetingQuery, variables: { id: id! } });
  const [start, doStart] = useMutation(StartMeetingMutation);
  const [adjourn, doAdjourn] = useMutation(AdjournMeetingMutation);
  const [cancel, doCancel] = useMutation(CancelMeetingMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // Everyone's view follows attendance, quorum, decisions, agenda and state as they change (meetingEvents).
  useSubscription({ query: MeetingEventsSubscription, variables: { meetingId: id! } }, (_prev, event) => {
    reload();
    return event;
  });
  useOnReconnect(reload);

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
          {chair && meeting.status === 'SCHEDULED' && (
            <button
              type="button"
              className="primary"
              onClick={() => void doStart({ id: meeting.id }).then(reload)}
              disabled={start.fetching}
            >
              {t('meetings.start')}
            </button>
          )}
          {chair && meeting.status === 'IN_PROGRESS' && (
            <button
              type="button"
              className="primary"
              onClick={() => void doAdjourn({ id: meeting.id }).then(reload)}
              disabled={adjourn.fetching}
            >
              {t('meetings.adjourn')}
            </button>
          )}
          {chair && meeting.status === 'SCHEDULED' && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(t('meetings.cancelConfirm')))
                  void doCancel({ id: meeting.id, reason: null }).then(reload);
              }}
              disabled={cancel.fetching}
            >
              {t('meetings.cancel')}
            </button>
          )}
          {meeting.status !== 'CANCELLED' && <PdfDownload meetingId={meeting.id} title={meeting.title} />}
        </div>
        {start.error && <ErrorMessage error={start.error} />}
        {adjourn.error && <ErrorMessage error={adjourn.error} />}
        {cancel.error && <ErrorMessage error={cancel.error} />}
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
        reload={reload}
      />
      <MinutesPanel meeting={meeting} chair={chair} reload={reload} />
    </>
  );
}
