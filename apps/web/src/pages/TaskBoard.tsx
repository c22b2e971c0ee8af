import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { AllianceQuery, CreateTaskMutation, TaskEventsSubscription, TasksQuery } from '../graphql/ops';
import type { TaskFilter, TaskPriority, TaskStatus } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { TaskPlanningFields } from '../components/TaskPlanningFields';
import { CreatePanel } from '../components/CreatePanel';
import { Badge, Empty, isOverdue, Loading, PageTitle, Section } from '../ui';

const COLUMNS: TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'];

export default function TaskBoard() {
  const { t, fmtDate } = useI18n();
  const session = useSession();
  const allianceId = session.allianceId!;
  const [partnerId, setPartnerId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const [live, setLive] = useState('');

  const filter = useMemo<TaskFilter>(
    () => ({
      ...(partnerId ? { partnerId } : {}),
      ...(assigneeId ? { assigneeId } : {}),
      ...(overdue ? { overdue: true } : {}),
      ...(search.trim() ? { search: search.trim() } : {}),
    }),
    [partnerId, assigneeId, overdue, search],
  );
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: allianceId } });
  const [tasks, refetch] = useQuery({ query: TasksQuery, variables: { allianceId, filter } });

  // Live updates: every task event of the alliance reloads the board.
  useSubscription({ query: TaskEventsSubscription, variables: { allianceId } }, (_prev, event) => {
    setLive(t('tasks.liveUpdate', { title: event.taskEvents.task.title }));
    refetch({ requestPolicy: 'network-only' });
    return event;
  });

  useOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const partners = alliance.data?.alliance?.partners.filter((p) => p.status === 'ACTIVE') ?? [];
  const members = alliance.data?.alliance?.members ?? [];
  const nodes = tasks.data?.tasks.edges.map((e) => e.node) ?? [];
  const canCreate = session.hasRole('COORDINATOR', 'MEMBER', 'FACILITATOR', 'ALLIANCE_ADMIN');

  return (
    <>
      <PageTitle title={t('tasks.title')}>{t('tasks.title')}</PageTitle>
      <p className="visually-hidden" aria-live="polite" data-testid="live-region">
        {live}
      </p>
      <a href="#task-board" className="skip-link">
        {t('tasks.skipToBoard')}
      </a>
      {canCreate && (
        <CreatePanel id="new-task" label={t('tasks.new')} title={t('tasks.new')}>
          {(close) => (
            <CreateTask
              allianceId={allianceId}
              partners={partners}
              members={members}
              onCreated={() => refetch({ requestPolicy: 'network-only' })}
              onCancel={close}
            />
          )}
        </CreatePanel>
      )}
      <Section title={t('tasks.filters')} id="filters">
        <div className="filters">
          <div>
            <label htmlFor="f-partner">{t('tasks.partner')}</label>
            <select id="f-partner" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.organisation.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-assignee">{t('tasks.assignee')}</label>
            <select id="f-assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {members.map((m) => (
                <option key={m.user.id} value={m.user.id}>
                  {m.user.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="checkbox">
            <input
              id="f-overdue"
              type="checkbox"
              checked={overdue}
              onChange={(e) => setOverdue(e.target.checked)}
            />
            <label htmlFor="f-overdue">{t('tasks.overdueOnly')}</label>
          </div>
          <div>
            <label htmlFor="f-search">{t('tasks.search')}</label>
            <input id="f-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
        </div>
      </Section>
      {tasks.error && <ErrorMessage error={tasks.error} />}
      {tasks.fetching && !tasks.data ? (
        <Loading />
      ) : (
        <div className="board" data-testid="task-board" id="task-board" tabIndex={-1}>
          {COLUMNS.map((status) => {
            const column = nodes.filter((n) => n.status === status);
            return (
              <section key={status} className="column" aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  {t(`enum.TaskStatus.${status}`)} <span className="count">({column.length})</span>
                </h2>
                {column.length === 0 ? (
                  <Empty>{t('tasks.emptyColumn')}</Empty>
                ) : (
                  <ul className="cards">
                    {column.map((task) => (
                      <li key={task.id} className="task-card">
                        <Link to={`/aufgaben/${task.id}`}>{task.title}</Link>
                        <div className="meta">
                          <Badge kind={task.priority}>{t(`enum.TaskPriority.${task.priority}`)}</Badge>{' '}
                          {task.leadPartner.organisation.shortName ?? task.leadPartner.organisation.name}
                          {task.assignee && <> · {task.assignee.displayName}</>}
                        </div>
                        {task.dueOn && (
                          <div className={isOverdue(task.dueOn, task.status) ? 'meta overdue' : 'meta'}>
                            {t('tasks.due', { date: fmtDate(task.dueOn) })}
                            {isOverdue(task.dueOn, task.status) && <> – {t('tasks.overdue')}</>}
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      {!tasks.fetching && nodes.length === 0 && !tasks.error && <Empty>{t('tasks.empty')}</Empty>}
    </>
  );
}

interface PartnerOption {
  id: string;
  organisation: { id: string; name: string };
}
interface MemberOption {
  user: { id: string; displayName: string; organisation: { id: string } };
}

function CreateTask({
  allianceId,
  partners,
  members,
  onCreated,
  onCancel,
}: {
  allianceId: string;
  partners: PartnerOption[];
  members: MemberOption[];
  onCreated(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const own = partners.find((p) => p.organisation.id === session.user?.organisation.id);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [lead, setLead] = useState('');
  const [assignee, setAssignee] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('NORMAL');
  const [result, create] = useMutation(CreateTaskMutation);
  const [done, setDone] = useState('');

  const leadPartner = partners.find((p) => p.id === (lead || own?.id)) ?? partners[0];
  // The API accepts only members of the lead organisation (contributors are added later).
  const assignable = members.filter((m) => m.user.organisation.id === leadPartner?.organisation.id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const leadPartnerId = leadPartner?.id;
    if (!leadPartnerId) return;
    const res = await create({
      input: {
        allianceId,
        title: title.trim(),
        description: description.trim() || null,
        leadPartnerId,
        priority,
        assigneeId: assignee || null,
        dueOn: dueOn || null,
      },
    });
    if (!res.error) {
      setDone(t('tasks.created', { title: title.trim() }));
      setTitle('');
      setDescription('');
      setDueOn('');
      onCreated();
    }
  };

  return (
    <form className="form grid" onSubmit={submit}>
      <div>
        <label htmlFor="t-title">{t('field.title')}</label>
        <input id="t-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div>
        <label htmlFor="t-lead">{t('tasks.leadPartner')}</label>
        <select
          id="t-lead"
          value={leadPartner?.id ?? ''}
          onChange={(e) => {
            setLead(e.target.value);
            setAssignee('');
          }}
        >
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.organisation.name}
            </option>
          ))}
        </select>
      </div>
      <TaskPlanningFields
        idPrefix="t"
        assignable={assignable}
        assigneeId={assignee}
        onAssigneeId={setAssignee}
        dueOn={dueOn}
        onDueOn={setDueOn}
        priority={priority}
        onPriority={setPriority}
      />
      <div className="wide">
        <label htmlFor="t-desc">{t('field.description')}</label>
        <textarea id="t-desc" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {result.error && <ErrorMessage error={result.error} />}
      <div className="wide">
        <button type="submit" className="primary" disabled={result.fetching}>
          {t('tasks.create')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>{' '}
        <span role="status">{done}</span>
      </div>
    </form>
  );
}
