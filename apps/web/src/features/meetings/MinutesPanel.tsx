import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { SaveMinutesMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { Empty, Section } from '../../ui';
import { MarkdownText } from '../../components/MarkdownText';
import type { Meeting } from './meeting';
import { MinutesApproval } from './MinutesApproval';

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

  return (
    <Section title={t('meetings.minutes')} id="minutes">
      {approved && meeting.minutes?.approvedAt && (
        <p className="meta" data-testid="minutes-approval">
          {meeting.minutes.approvalDecision
            ? t('meetings.approvedByDecision', {
                when: fmtDateTime(meeting.minutes.approvedAt),
                number: meeting.minutes.approvalDecision.number,
                meeting: meeting.minutes.approvalDecision.meeting.title,
              })
            : t('meetings.approvedBy', {
                when: fmtDateTime(meeting.minutes.approvedAt),
                who: meeting.minutes.approvedBy?.displayName ?? '',
              })}
        </p>
      )}
      {meeting.minutes?.savedBy && (
        <p className="meta">{t('meetings.minuteTaker', { who: meeting.minutes.savedBy.displayName })}</p>
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
          {text.trim() && (
            <details className="minutes-preview" open>
              <summary>{t('meetings.minutesPreview')}</summary>
              <MarkdownText text={text} testId="minutes-preview" />
            </details>
          )}
          {save.error && <ErrorMessage error={save.error} />}
          <div className="actions">
            <button type="submit" disabled={save.fetching}>
              {t('meetings.saveMinutes')}
            </button>
            <MinutesApproval meeting={meeting} disabled={!meeting.minutes?.text} reload={reload} />
            <span role="status">{saved}</span>
          </div>
        </form>
      ) : meeting.minutes?.text ? (
        <MarkdownText className="minutes" text={meeting.minutes.text} testId="minutes-text" />
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
