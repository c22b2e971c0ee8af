import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { AddAgendaItemMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { Empty, Section } from '../../ui';
import type { Meeting } from './meeting';

export function Agenda({
  meeting,
  editable,
  reload,
}: {
  meeting: Meeting;
  editable: boolean;
  reload(): void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [result, add] = useMutation(AddAgendaItemMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await add({
      input: {
        meetingId: meeting.id,
        title: title.trim(),
        durationMinutes: minutes ? Number(minutes) : null,
      },
    });
    if (!r.error) {
      setTitle('');
      setMinutes('');
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
            </li>
          ))}
        </ol>
      )}
      {editable && (
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
          <button type="submit" disabled={result.fetching}>
            {t('common.add')}
          </button>
        </form>
      )}
      {result.error && <ErrorMessage error={result.error} />}
    </Section>
  );
}
