import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { AmendDecisionMutation, MeetingsByStatusQuery } from '../../graphql/meetings';
import type { DecisionOutcome } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { berlinDay } from '../../ui';

/**
 * Amends a final decision (its minutes approved): a new, numbered decision in a later meeting that
 * runs or is adjourned and that the caller chairs, referring to the old one.
 */
export function AmendDecision({
  decision,
  allianceId,
  after,
  reload,
}: {
  decision: { id: string; number: string; title: string; text: string };
  allianceId: string;
  /** The start of the decision's meeting: only later meetings can amend it. */
  after: string;
  reload(): void;
}) {
  const { t, fmtDate } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [meetings] = useQuery({
    query: MeetingsByStatusQuery,
    variables: { allianceId, status: ['IN_PROGRESS', 'ADJOURNED'] },
    pause: !open,
  });
  const [result, amend] = useMutation(AmendDecisionMutation);
  const [meetingId, setMeetingId] = useState('');
  const [title, setTitle] = useState(decision.title);
  const [text, setText] = useState(decision.text);
  const [outcome, setOutcome] = useState<DecisionOutcome>('ADOPTED');
  const [done, setDone] = useState<{ number: string; meetingId: string } | null>(null);
  const coordinator = session.hasRole('COORDINATOR');
  const later = (meetings.data?.meetings ?? []).filter(
    (m) => m.startsAt > after && (coordinator || m.facilitator.id === session.user?.id),
  );
  const id = `amend-${decision.id}`;

  if (!open) {
    return (
      <>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {t('meetings.amend')}
          <span className="visually-hidden"> {decision.number}</span>
        </button>
        {done && (
          <p role="status">
            <Link to={`/sitzungen/${done.meetingId}`}>
              {t('meetings.amendedBy', { numbers: done.number })}
            </Link>
          </p>
        )}
      </>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = meetingId || later[0]?.id;
    if (!chosen) return;
    const r = await amend({
      input: { amendsId: decision.id, meetingId: chosen, title: title.trim(), text: text.trim(), outcome },
    });
    if (r.data) {
      setDone({ number: r.data.amendDecision.number, meetingId: r.data.amendDecision.meeting.id });
      setOpen(false);
      reload();
    }
  };
  return (
    <form
      className="form grid"
      onSubmit={submit}
      aria-label={t('meetings.amendLabel', { number: decision.number })}
    >
      <p className="wide hint">{t('meetings.amendHint', { number: decision.number })}</p>
      {meetings.data && later.length === 0 ? (
        <p className="wide notice" role="note">
          {t('meetings.amendNoMeeting')}
        </p>
      ) : (
        <>
          <div>
            <label htmlFor={`${id}-meeting`}>{t('meetings.amendIn')}</label>
            <select id={`${id}-meeting`} value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              {later.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} ({fmtDate(berlinDay(m.startsAt))})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-outcome`}>{t('meetings.outcome')}</label>
            <select
              id={`${id}-outcome`}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as DecisionOutcome)}
            >
              {(['ADOPTED', 'REJECTED', 'DEFERRED'] as const).map((o) => (
                <option key={o} value={o}>
                  {t(`enum.DecisionOutcome.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="wide">
            <label htmlFor={`${id}-title`}>{t('field.title')}</label>
            <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="wide">
            <label htmlFor={`${id}-text`}>{t('meetings.decisionText')}</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              required
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        </>
      )}
      {result.error && <ErrorMessage error={result.error} />}
      <div className="wide actions">
        {later.length > 0 && (
          <button type="submit" className="primary" disabled={result.fetching}>
            {t('meetings.amendSubmit')}
          </button>
        )}
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
