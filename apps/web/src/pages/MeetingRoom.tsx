import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { MeetingEventsSubscription } from '../graphql/live-ops';
import {
  AddAgendaItemMutation,
  AdjournMeetingMutation,
  CorrectDecisionMutation,
  CancelMeetingMutation,
  ApproveMinutesMutation,
  MeetingQuery,
  RecordAttendanceMutation,
  RecordDecisionMutation,
  SaveMinutesMutation,
  StartMeetingMutation,
} from '../graphql/ops';
import type { AttendanceStatus, DecisionOutcome, MeetingQuery as MeetingQueryResult } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle, Section } from '../ui';

type Meeting = NonNullable<MeetingQueryResult['meeting']>;

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

function PdfDownload({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState(false);
  const download = async () => {
    setError(false);
    const res = await fetch(`/meetings/${meetingId}/minutes.pdf`, {
      headers: { authorization: `Bearer ${session.accessToken()}` },
    });
    if (!res.ok) return setError(true);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title.replace(/[^\p{L}\p{N}]+/gu, '-')}-Protokoll.pdf`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <button type="button" onClick={() => void download()}>
        {t('meetings.pdf')}
      </button>
      {error && (
        <span className="alert-inline" role="alert">
          {t('meetings.pdfFailed')}
        </span>
      )}
    </>
  );
}

function Agenda({ meeting, editable, reload }: { meeting: Meeting; editable: boolean; reload(): void }) {
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

function AttendancePanel({
  meeting,
  editable,
  reload,
}: {
  meeting: Meeting;
  editable: boolean;
  reload(): void;
}) {
  const { t, fmtNumber } = useI18n();
  const [result, record] = useMutation(RecordAttendanceMutation);
  const byPartner = new Map(meeting.attendance.map((a) => [a.partner.id, a]));
  const present = meeting.attendance.filter((a) => a.status === 'PRESENT').length;
  const invited = meeting.invitedPartners.length;
  const needed = Math.floor(meeting.alliance.quorumShare * invited) + 1;
  const set = async (partnerId: string, status: AttendanceStatus) => {
    const r = await record({ input: { meetingId: meeting.id, partnerId, status } });
    if (!r.error) reload();
  };
  const options: AttendanceStatus[] =
    meeting.status === 'SCHEDULED' ? ['EXCUSED'] : ['PRESENT', 'EXCUSED', 'ABSENT'];
  return (
    <Section title={t('meetings.attendance')} id="attendance">
      <p aria-live="polite" data-testid="quorum" className={meeting.quorate ? 'quorum ok' : 'quorum no'}>
        {meeting.quorate ? t('meetings.quorate') : t('meetings.notQuorate')} –{' '}
        {t('meetings.quorumDetail', {
          present,
          invited,
          needed,
          share: fmtNumber(meeting.alliance.quorumShare * 100),
        })}
      </p>
      <table>
        <caption className="visually-hidden">{t('meetings.attendance')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.partner')}</th>
            <th scope="col">{t('field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.invitedPartners.map((p) => {
            const a = byPartner.get(p.id);
            return (
              <tr key={p.id}>
                <th scope="row">{p.organisation.name}</th>
                <td>
                  {editable ? (
                    <select
                      aria-label={t('meetings.attendanceOf', { partner: p.organisation.name })}
                      value={a?.status ?? ''}
                      onChange={(e) => void set(p.id, e.target.value as AttendanceStatus)}
                      disabled={result.fetching}
                    >
                      <option value="">{t('meetings.notRecorded')}</option>
                      {options.map((o) => (
                        <option key={o} value={o}>
                          {t(`enum.AttendanceStatus.${o}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ((a && t(`enum.AttendanceStatus.${a.status}`)) ?? t('meetings.notRecorded'))
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {result.error && <ErrorMessage error={result.error} />}
    </Section>
  );
}

function Decisions({ meeting, editable, reload }: { meeting: Meeting; editable: boolean; reload(): void }) {
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
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
              </p>
              {editable && <CorrectDecision decision={d} reload={reload} />}
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
          <div>
            <label htmlFor="d-outcome">{t('meetings.outcome')}</label>
            <select
              id="d-outcome"
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
              <label htmlFor="d-for">{t('meetings.for')}</label>
              <input
                id="d-for"
                type="number"
                min={0}
                className="short"
                value={votesFor}
                onChange={(e) => setVotesFor(e.target.value)}
              />
              <label htmlFor="d-against">{t('meetings.against')}</label>
              <input
                id="d-against"
                type="number"
                min={0}
                className="short"
                value={votesAgainst}
                onChange={(e) => setVotesAgainst(e.target.value)}
              />
              <label htmlFor="d-abstain">{t('meetings.abstentions')}</label>
              <input
                id="d-abstain"
                type="number"
                min={0}
                className="short"
                value={abstentions}
                onChange={(e) => setAbstentions(e.target.value)}
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
    </Section>
  );
}

function MinutesPanel({ meeting, chair, reload }: { meeting: Meeting; chair: boolean; reload(): void }) {
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

type DecisionT = Meeting['decisions'][number];

/** Corrects a decision's wording or outcome until the minutes are approved (afterwards the API answers CONFLICT). */
function CorrectDecision({ decision, reload }: { decision: DecisionT; reload(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(decision.title);
  const [text, setText] = useState(decision.text);
  const [outcome, setOutcome] = useState<DecisionOutcome>(decision.outcome);
  const [result, correct] = useMutation(CorrectDecisionMutation);
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('meetings.correct')}
        <span className="visually-hidden"> {decision.number}</span>
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await correct({ id: decision.id, input: { title: title.trim(), text: text.trim(), outcome } });
    if (!r.error) {
      setOpen(false);
      reload();
    }
  };
  const id = `corr-${decision.id}`;
  return (
    <form
      className="form grid"
      onSubmit={submit}
      aria-label={t('meetings.correctLabel', { number: decision.number })}
    >
      <div>
        <label htmlFor={`${id}-title`}>{t('field.title')}</label>
        <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
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
        <label htmlFor={`${id}-text`}>{t('meetings.decisionText')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {result.error && <ErrorMessage error={result.error} />}
      <div className="wide actions">
        <button type="submit" disabled={result.fetching}>
          {t('meetings.saveCorrection')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
