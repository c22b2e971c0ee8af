import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { ApproveMinutesMutation, SaveMinutesMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { Empty, Section } from '../../ui';
import type { Meeting } from './meeting';

export function MinutesPanel({
  meeting,
  chair,
  reload,
}: {
  meeting: Meeting;
  chair: boolean;
  reload(): void;
}) {
  const { t, fmtDateTime } = useI18n();
  const [text, setText] = useState(meeting.minutes?.text ?? '');
  const [saved, setSaved] = useState('');
  const [save, doSave] = useMutation(SaveMinutesMutation);
  const [approve, doApprove] = useMutation(ApproveMinutesMutation);
  useEffect(() => setText(meeting.minutes?.text ?? ''), [meeting.minutes?.text]);
  const editing = chair && meeting.status === 'ADJOURNED';
  const approved = meeting.status === 'MINUTES_APPROVED';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await doSave({ meetingId: meeting.id, text });
    if (!r.error) {
      setSaved(t('meetings.minutesSaved'));
      reload();
    }
  };
  const approveNow = async () => {
    if (!window.confirm(t('meetings.approveConfirm'))) return;
    const r = await doApprove({ meetingId: meeting.id });
    if (!r.error) reload();
  };

  return (
    <Section title={t('meetings.minutes')} id="minutes">
      {approved && meeting.minutes?.approvedAt && (
        <p className="meta">
          {t('meetings.approvedBy', {
            when: fmtDateTime(meeting.minutes.approvedAt),
            who: meeting.minutes.approvedBy?.displayName ?? '',
          })}
        </p>
      )}
      {editing ? (
        <form className="form" onSubmit={submit}>
          <label htmlFor="minutes-text">{t('meetings.minutesText')}</label>
          <p className="hint" id="minutes-hint">
            {t('meetings.minutesHint')}
          </p>
          <textarea
            id="minutes-text"
            aria-describedby="minutes-hint"
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {save.error && <ErrorMessage error={save.error} />}
          {approve.error && <ErrorMessage error={approve.error} />}
          <div className="actions">
            <button type="submit" disabled={save.fetching}>
              {t('meetings.saveMinutes')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void approveNow()}
              disabled={approve.fetching || !meeting.minutes?.text}
            >
              {t('meetings.approveMinutes')}
            </button>
            <span role="status">{saved}</span>
          </div>
        </form>
      ) : meeting.minutes?.text ? (
        <div className="minutes prewrap" data-testid="minutes-text">
          {meeting.minutes.text}
        </div>
      ) : (
        <Empty>
          {meeting.status === 'IN_PROGRESS' || meeting.status === 'SCHEDULED'
            ? t('meetings.minutesLater')
            : t('meetings.noMinutes')}
        </Empty>
      )}
    </Section>
  );
}
