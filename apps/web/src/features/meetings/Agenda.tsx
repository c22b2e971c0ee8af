import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { AddAgendaItemMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { berlinDay, Empty, Section } from '../../ui';
import type { Meeting } from './meeting';
import { ApprovalItemSelect } from './ApprovalItemSelect';

export function Agenda({
  meeting,
  editable,
  reload,
}: {
  meeting: Meeting;
  editable: boolean;
  reload(): void;
}) {
  const { t, fmtDate } = useI18n();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [approves, setApproves] = useState('');
  // Items join the agenda until the meeting is closed (the API answers AGENDA_CLOSED afterwards).
  const open = meeting.status === 'SCHEDULED' || meeting.status === 'IN_PROGRESS';
  const [result, add] = useMutation(AddAgendaItemMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await add({
      input: {
        meetingId: meeting.id,
        title: title.trim(),
        durationMinutes: minutes ? Number(minutes) : null,
        approvesMinutesOfId: approves || null,
      },
    });
    if (!r.error) {
      setTitle('');
      setMinutes('');
      setApproves('');
      reload();
    }
  };
  return (
    <Section title={t('meetings.agenda')} id="agenda">
      {meeting.agenda.length === 0 ? (
        <Empty>{t('meetings.noAgenda')}</Empty>
      ) : (
        <ol className="agenda">
          {meeting.agenda.map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong>
              {a.durationMinutes ? <> ({t('meetings.minutesDuration', { n: a.durationMinutes })})</> : null}
              {a.presenter && <> · {a.presenter.organisation.shortName}</>}
              {a.description && <p className="prewrap">{a.description}</p>}
              {a.approvesMinutesOf && (
                <p className="meta">
                  {t('meetings.approvesMinutesOf')}{' '}
                  <Link to={`/sitzungen/${a.approvesMinutesOf.id}`}>{a.approvesMinutesOf.title}</Link> (
                  {t(`enum.MeetingStatus.${a.approvesMinutesOf.status}`)})
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && !open && <p className="hint">{t('meetings.agendaClosed')}</p>}
      {editable && open && (
        <form className="form inline" onSubmit={submit}>
          <label htmlFor="agenda-title">{t('meetings.agendaItem')}</label>
          <input id="agenda-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="agenda-minutes">{t('meetings.duration')}</label>
          <input
            id="agenda-minutes"
            type="number"
            min={1}
            max={600}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            className="short"
          />
          <ApprovalItemSelect
            allianceId={meeting.alliance.id}
            before={meeting.startsAt}
            value={approves}
            onChange={(m) => {
              setApproves(m?.id ?? '');
              if (m && !title.trim())
                setTitle(
                  t('meetings.approvalItemTitle', { title: m.title, date: fmtDate(berlinDay(m.startsAt)) }),
                );
            }}
          />
          <button type="submit" disabled={result.fetching}>
            {t('common.add')}
          </button>
        </form>
      )}
      {result.error && <ErrorMessage error={result.error} />}
    </Section>
  );
}
