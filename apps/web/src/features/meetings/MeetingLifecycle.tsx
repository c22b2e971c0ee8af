import { useState } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { AdjournMeetingMutation, CancelMeetingMutation, StartMeetingMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { berlinDay, today } from '../../ui';
import { ConfirmDialog } from '../../components/ConfirmDialog';

type Asking = 'start' | 'adjourn' | 'cancel' | null;

/**
 * Starting, adjourning ("Sitzung schließen") and cancelling a meeting. Adjourning and cancelling
 * always ask first, saying what follows; starting asks when the meeting is planned for a later day.
 */
export function MeetingLifecycle({
  meeting,
  reload,
}: {
  meeting: { id: string; status: string; startsAt: string };
  reload(): void;
}) {
  const { t, fmtDateTime } = useI18n();
  const [start, doStart] = useMutation(StartMeetingMutation);
  const [adjourn, doAdjourn] = useMutation(AdjournMeetingMutation);
  const [cancel, doCancel] = useMutation(CancelMeetingMutation);
  const [asking, setAsking] = useState<Asking>(null);
  const early = berlinDay(meeting.startsAt) > today();

  const run = async (what: Exclude<Asking, null>) => {
    const r =
      what === 'start'
        ? await doStart({ id: meeting.id })
        : what === 'adjourn'
          ? await doAdjourn({ id: meeting.id })
          : await doCancel({ id: meeting.id, reason: null });
    setAsking(null);
    if (!r.error) reload();
  };

  return (
    <>
      {meeting.status === 'SCHEDULED' && (
        <button
          type="button"
          className="primary"
          onClick={() => (early ? setAsking('start') : void run('start'))}
          disabled={start.fetching}
        >
          {t('meetings.start')}
        </button>
      )}
      {meeting.status === 'IN_PROGRESS' && (
        <button
          type="button"
          className="primary"
          onClick={() => setAsking('adjourn')}
          disabled={adjourn.fetching}
        >
          {t('meetings.adjourn')}
        </button>
      )}
      {meeting.status === 'SCHEDULED' && (
        <button
          type="button"
          className="danger"
          onClick={() => setAsking('cancel')}
          disabled={cancel.fetching}
        >
          {t('meetings.cancel')}
        </button>
      )}
      {asking === 'start' && (
        <ConfirmDialog
          title={t('meetings.startEarlyTitle')}
          confirmLabel={t('meetings.startAnyway')}
          onConfirm={() => void run('start')}
          onCancel={() => setAsking(null)}
          busy={start.fetching}
        >
          <p>{t('meetings.startEarlyText', { date: fmtDateTime(meeting.startsAt) })}</p>
        </ConfirmDialog>
      )}
      {asking === 'adjourn' && (
        <ConfirmDialog
          title={t('meetings.adjournTitle')}
          confirmLabel={t('meetings.adjourn')}
          onConfirm={() => void run('adjourn')}
          onCancel={() => setAsking(null)}
          busy={adjourn.fetching}
        >
          <p>{t('meetings.adjournText')}</p>
        </ConfirmDialog>
      )}
      {asking === 'cancel' && (
        <ConfirmDialog
          title={t('meetings.cancelTitle')}
          confirmLabel={t('meetings.cancel')}
          onConfirm={() => void run('cancel')}
          onCancel={() => setAsking(null)}
          danger
          busy={cancel.fetching}
        >
          <p>{t('meetings.cancelConfirm')}</p>
        </ConfirmDialog>
      )}
      {start.error && <ErrorMessage error={start.error} />}
      {adjourn.error && <ErrorMessage error={adjourn.error} />}
      {cancel.error && <ErrorMessage error={cancel.error} />}
    </>
  );
}
