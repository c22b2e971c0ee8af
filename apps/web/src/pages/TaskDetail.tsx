import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import {
  AddDependencyMutation,
  CommentMutation,
  RemoveDependencyMutation,
  TaskEventsSubscription,
  TaskQuery,
  TasksQuery,
} from '../graphql/ops';
import { ErrorMessage, FieldError, useFieldError } from '../errors';
import { TaskEditForm } from '../features/tasks/TaskEditForm';
import { TaskStatusForm } from '../features/tasks/TaskStatusForm';
import { Badge, Empty, isOverdue, Loading, PageTitle, Section } from '../ui';

export default function TaskDetail() {
  const { id } = useParams();
  const { t, fmtDate, fmtDateTime } = useI18n();
  const session = useSession();
  const [res, refetch] = useQuery({ query: TaskQuery, variables: { id: id! } });
  const [others] = useQuery({
    query: TasksQuery,
    variables: { allianceId: session.allianceId!, filter: {}, first: 100 },
  });
  const [comment, doComment] = useMutation(CommentMutation);
  const [dep, addDep] = useMutation(AddDependencyMutation);
  const [, removeDep] = useMutation(RemoveDependencyMutation);
  const [body, setBody] = useState('');
  const [blocker, setBlocker] = useState('');
  const [statusSaved, setStatusSaved] = useState('');
  const blockerError = useFieldError(dep.error, 'blockedById');

  useSubscription(
    { query: TaskEventsSubscription, variables: { allianceId: session.allianceId! } },
    (_p, e) => {
      if (e.taskEvents.task.id === id) refetch({ requestPolicy: 'network-only' });
      return e;
    },
  );

  useOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const task = res.data?.task;
  if (!task) return <Empty>{t('common.notFound')}</Empty>;
  // The API says what the caller may do with this task (the same rule its mutations check).
  const can = task.viewerCan;
  const submitComment = async (e: FormEvent) => {
    e.preventDefault();
    const r = await doComment({ taskId: task.id, body: body.trim() });
    if (!r.error) {
      setBody('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const submitDep = async (e: FormEvent) => {
    e.preventDefault();
    if (!blocker) return;
    const r = await addDep({ taskId: task.id, blockedById: blocker });
    if (!r.error) {
      setBlocker('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const candidates = (others.data?.tasks.edges ?? [])
    .map((e) => e.node)
    .filter((n) => n.id !== task.id && !task.blockedBy.some((b) => b.id === n.id));

  return (
    <>
      <p>
        <Link to="/aufgaben">← {t('tasks.back')}</Link>
      </p>
      <PageTitle title={task.title}>{task.title}</PageTitle>
      <div className="card">
        <dl className="facts">
          <dt>{t('field.status')}</dt>
          <dd>
            <Badge kind={task.status}>{t(`enum.TaskStatus.${task.status}`)}</Badge>
          </dd>
          <dt>{t('field.priority')}</dt>
          <dd>{t(`enum.TaskPriority.${task.priority}`)}</dd>
          <dt>{t('tasks.leadPartner')}</dt>
          <dd>{task.leadPartner.organisation.name}</dd>
          <dt>{t('tasks.contributing')}</dt>
          <dd>{task.contributingPartners.map((p) => p.organisation.shortName).join(', ') || '–'}</dd>
          <dt>{t('tasks.assignee')}</dt>
          <dd>{task.assignee?.displayName ?? t('tasks.unassigned')}</dd>
          <dt>{t('field.dueOn')}</dt>
          <dd className={isOverdue(task.dueOn, task.status) ? 'overdue' : undefined}>
            {task.dueOn ? fmtDate(task.dueOn) : '–'}
          </dd>
          {task.goal && (
            <>
              <dt>{t('tasks.goal')}</dt>
              <dd>{task.goal.title}</dd>
            </>
          )}
          {task.decision && (
            <>
              <dt>{t('tasks.decision')}</dt>
              <dd>
                {task.decision.number} – {task.decision.title}
              </dd>
            </>
          )}
        </dl>
        {task.description && <p className="prewrap">{task.description}</p>}
        {can.changeStatus ? (
          <>
            <TaskStatusForm
              task={task}
              idPrefix="task"
              label={t('tasks.changeStatus')}
              onSaved={(status) => {
                setStatusSaved(
                  t('tasks.statusSaved', { title: task.title, status: t(`enum.TaskStatus.${status}`) }),
                );
                refetch({ requestPolicy: 'network-only' });
              }}
            />
            <p role="status">{statusSaved}</p>
          </>
        ) : (
          !can.update && <p className="muted">{t('tasks.readOnly')}</p>
        )}
      </div>
      {can.update && (
        <TaskEditForm key={task.id} task={task} reload={() => refetch({ requestPolicy: 'network-only' })} />
      )}

      <Section title={t('tasks.dependencies')} id="deps">
        <h3>{t('tasks.blockedBy')}</h3>
        {task.blockedBy.length === 0 ? (
          <Empty>{t('tasks.noBlockers')}</Empty>
        ) : (
          <ul>
            {task.blockedBy.map((b) => (
              <li key={b.id}>
                <Link to={`/aufgaben/${b.id}`}>{b.title}</Link> ({t(`enum.TaskStatus.${b.status}`)}){' '}
                {can.addDependency && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      void removeDep({ taskId: task.id, blockedById: b.id }).then(() =>
                        refetch({ requestPolicy: 'network-only' }),
                      )
                    }
                  >
                    {t('tasks.removeDependency')}
                    <span className="visually-hidden">: {b.title}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('tasks.blocking')}</h3>
        {task.blocking.length === 0 ? (
          <Empty>{t('tasks.noBlocking')}</Empty>
        ) : (
          <ul>
            {task.blocking.map((b) => (
              <li key={b.id}>
                <Link to={`/aufgaben/${b.id}`}>{b.title}</Link> ({t(`enum.TaskStatus.${b.status}`)})
              </li>
            ))}
          </ul>
        )}
        {can.addDependency && (
          <form className="form inline" onSubmit={submitDep}>
            <label htmlFor="dep">{t('tasks.addDependency')}</label>
            <select
              id="dep"
              value={blocker}
              onChange={(e) => setBlocker(e.target.value)}
              aria-invalid={blockerError ? true : undefined}
              aria-describedby={blockerError ? 'dep-error' : undefined}
            >
              <option value="">{t('common.choose')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <button type="submit" disabled={!blocker || dep.fetching}>
              {t('common.add')}
            </button>
            <FieldError id="dep-error" text={blockerError} />
          </form>
        )}
        {dep.error && <ErrorMessage error={dep.error} />}
      </Section>

      <Section title={t('tasks.comments')} id="comments">
        {task.comments.length === 0 ? (
          <Empty>{t('tasks.noComments')}</Empty>
        ) : (
          <ol className="comments">
            {task.comments.map((c) => (
              <li key={c.id}>
                <p className="meta">
                  {c.author.displayName} · {fmtDateTime(c.createdAt)}
                </p>
                <p className="prewrap">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        {can.comment && (
          <form className="form" onSubmit={submitComment}>
            <label htmlFor="comment">{t('tasks.newComment')}</label>
            <textarea id="comment" rows={3} required value={body} onChange={(e) => setBody(e.target.value)} />
            {comment.error && <ErrorMessage error={comment.error} />}
            <button type="submit" disabled={comment.fetching}>
              {t('tasks.postComment')}
            </button>
          </form>
        )}
      </Section>
    </>
  );
}
