import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { RecordDecisionMutation } from '../../graphql/ops';
import type { DecisionOutcome } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Badge, Empty, Section } from '../../ui';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AmendDecision } from './AmendDecision';
import { CorrectDecision } from './CorrectDecision';
import { OutcomeField } from './OutcomeField';
import type { Meeting } from './meeting';

export function Decisions({
  meeting,
  editable,
  amendable,
  reload,
}: {
  meeting: Meeting;
  editable: boolean;
  /** Final decisions (approved minutes) that the caller may amend in a later meeting they chair. */
  amendable: boolean;
  reload(): void;
}) {
  const { t } = useI18n();
  const [result, record] = useMutation(RecordDecisionMutation);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<DecisionOutcome>('ADOPTED');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [consensus, setConsensus] = useState(true);
  const [votesFor, setVotesFor] = useState('');
  const [votesAgainst, setVotesAgainst] = useState('');
  const [abstentions, setAbstentions] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [followUpLead, setFollowUpLead] = useState('');
  const [followUpDue, setFollowUpDue] = useState('');
  const [asking, setAsking] = useState(false);
  // An adopted decision under an item that puts earlier minutes to the vote approves them: ask first.
  const approves = meeting.agenda.find((a) => a.id === agendaItemId)?.approvesMinutesOf;
  const approving = outcome === 'ADOPTED' && approves?.status === 'ADJOURNED';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (approving) setAsking(true);
    else void save();
  };
  const save = async () => {
    const num = (v: string) => (v === '' ? null : Number(v));
    const lead = followUpLead || meeting.invitedPartners[0]?.id;
    const r = await record({
      input: {
        meetingId: meeting.id,
        agendaItemId: agendaItemId || null,
        title: title.trim(),
        text: text.trim(),
        outcome,
        consensus,
        ...(consensus
          ? {}
          : { votesFor: num(votesFor), votesAgainst: num(votesAgainst), abstentions: num(abstentions) }),
        followUpTasks:
          followUp.trim() && lead
            ? [{ title: followUp.trim(), leadPartnerId: lead, dueOn: followUpDue || null }]
            : [],
      },
    });
    setAsking(false);
    if (!r.error) {
      setTitle('');
      setText('');
      setFollowUp('');
      setFollowUpDue('');
      reload();
    }
  };

  return (
    <Section title={t('meetings.decisions')} id="decisions">
      {meeting.decisions.length === 0 ? (
        <Empty>{t('meetings.noDecisions')}</Empty>
      ) : (
        <ul className="decisions">
          {meeting.decisions.map((d) => (
            <li key={d.id} data-testid="decision">
              <strong>
                {t('meetings.decisionNo', { number: d.number })}: {d.title}
              </strong>{' '}
              <Badge kind={d.outcome}>{t(`enum.DecisionOutcome.${d.outcome}`)}</Badge>
              <p className="prewrap">{d.text}</p>
              <p className="meta">
                {d.consensus
                  ? t('meetings.byConsensus')
                  : t('meetings.votes', {
                      for: d.votesFor ?? 0,
                      against: d.votesAgainst ?? 0,
                      abstain: d.abstentions ?? 0,
                    })}
                {d.agendaItem && <> · {t('meetings.underItem', { n: d.agendaItem.position })}</>}
                {d.amends && <> · {t('meetings.amends', { number: d.amends.number })}</>}
                {d.amendedBy.length > 0 && (
                  <> · {t('meetings.amendedBy', { numbers: d.amendedBy.map((a) => a.number).join(', ') })}</>
                )}
              </p>
              {editable && <CorrectDecision decision={d} reload={reload} />}
              {amendable && (
                <AmendDecision
                  decision={d}
                  allianceId={meeting.alliance.id}
                  after={meeting.startsAt}
                  reload={reload}
                />
              )}
              {d.followUpTasks.length > 0 && (
                <p>
                  {t('meetings.followUps')}:{' '}
                  {d.followUpTasks.map((task, i) => (
                    <span key={task.id}>
                      {i > 0 && ', '}
                      <Link to={`/aufgaben/${task.id}`}>{task.title}</Link> (
                      {task.leadPartner.organisation.shortName})
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="form grid" onSubmit={submit} aria-labelledby="new-decision-h">
          <h3 id="new-decision-h" className="wide">
            {t('meetings.newDecision')}
          </h3>
          <div>
            <label htmlFor="d-title">{t('field.title')}</label>
            <input id="d-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div>
            <label htmlFor="d-item">{t('meetings.agendaItem')}</label>
            <select id="d-item" value={agendaItemId} onChange={(e) => setAgendaItemId(e.target.value)}>
              <option value="">{t('meetings.noItem')}</option>
              {meeting.agenda.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.position}. {a.title}
                </option>
              ))}
            </select>
          </div>
          <div className="wide">
            <label htmlFor="d-text">{t('meetings.decisionText')}</label>
            <textarea id="d-text" rows={3} required value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <OutcomeField id="d-outcome" value={outcome} onChange={setOutcome} />
          <div className="checkbox">
            <input
              id="d-consensus"
              type="checkbox"
              checked={consensus}
              onChange={(e) => setConsensus(e.target.checked)}
            />
            <label htmlFor="d-consensus">{t('meetings.consensus')}</label>
          </div>
          {!consensus && (
            <fieldset className="wide votes">
              <legend>{t('meetings.voteCount')}</legend>
              <VoteCount id="d-for" label={t('meetings.for')} value={votesFor} onChange={setVotesFor} />
              <VoteCount
                id="d-against"
                label={t('meetings.against')}
                value={votesAgainst}
                onChange={setVotesAgainst}
              />
              <VoteCount
                id="d-abstain"
                label={t('meetings.abstentions')}
                value={abstentions}
                onChange={setAbstentions}
              />
            </fieldset>
          )}
          <fieldset className="wide">
            <legend>{t('meetings.followUpTask')}</legend>
            <div className="grid">
              <div>
                <label htmlFor="d-fu-title">{t('field.title')}</label>
                <input id="d-fu-title" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
              </div>
              <div>
                <label htmlFor="d-fu-lead">{t('tasks.leadPartner')}</label>
                <select id="d-fu-lead" value={followUpLead} onChange={(e) => setFollowUpLead(e.target.value)}>
                  {meeting.invitedPartners.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.organisation.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="d-fu-due">{t('field.dueOn')}</label>
                <input
                  id="d-fu-due"
                  type="date"
                  value={followUpDue}
                  onChange={(e) => setFollowUpDue(e.target.value)}
                />
              </div>
            </div>
          </fieldset>
          {result.error && <ErrorMessage error={result.error} />}
          <div className="wide">
            <button type="submit" className="primary" disabled={result.fetching}>
              {t('meetings.recordDecision')}
            </button>
          </div>
        </form>
      )}
      {asking && approves && (
        <ConfirmDialog
          title={t('meetings.approvalDecisionTitle')}
          confirmLabel={t('meetings.approvalDecisionConfirm')}
          onConfirm={() => void save()}
          onCancel={() => setAsking(false)}
          busy={result.fetching}
        >
          <p>{t('meetings.approvalDecisionText', { title: approves.title })}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

/** One count of a vote (for, against, abstentions): a label and its number. */
function VoteCount({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={0}
        className="short"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}
