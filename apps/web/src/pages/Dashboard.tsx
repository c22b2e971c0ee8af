import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { DashboardQuery } from '../graphql/ops';
import { ErrorMessage } from '../errors';
import { Badge, Empty, isOverdue, Loading, PageTitle, Section } from '../ui';
import { IndicatorChart } from '../components/IndicatorChart';
import { Inbox } from '../features/cases/Inbox';

export default function Dashboard() {
  const { t, fmtDate, fmtDateTime } = useI18n();
  const session = useSession();
  const from = useMemo(() => new Date(Date.now() - 12 * 3600_000).toISOString(), []);
  const [res] = useQuery({ query: DashboardQuery, variables: { allianceId: session.allianceId!, from } });
  const tasks = (res.data?.myTasks.edges ?? [])
    .map((e) => e.node)
    .filter((n) => n.status !== 'DONE' && n.status !== 'CANCELLED');
  const meetings = [...(res.data?.meetings ?? [])]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, 5);
  const goals = res.data?.alliance?.goals ?? [];

  return (
    <>
      <PageTitle title={t('dashboard.title')}>
        {t('dashboard.greeting', { name: session.user?.displayName ?? '' })}
      </PageTitle>
      {res.error && <ErrorMessage error={res.error} />}
      {res.fetching && !res.data ? (
        <Loading />
      ) : (
        <div className="dashboard">
          <Section title={t('dashboard.myTasks')} id="my-tasks">
            {tasks.length === 0 ? (
              <Empty>{t('dashboard.noTasks')}</Empty>
            ) : (
              <ul className="plain">
                {tasks.map((task) => (
                  <li key={task.id}>
                    <Link to={`/aufgaben/${task.id}`}>{task.title}</Link>{' '}
                    <Badge kind={task.status}>{t(`enum.TaskStatus.${task.status}`)}</Badge>
                    {task.dueOn && (
                      <span className={isOverdue(task.dueOn, task.status) ? 'meta overdue' : 'meta'}>
                        {' '}
                        · {t('tasks.due', { date: fmtDate(task.dueOn) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('dashboard.meetings')} id="upcoming">
            {meetings.length === 0 ? (
              <Empty>{t('dashboard.noMeetings')}</Empty>
            ) : (
              <ul className="plain">
                {meetings.map((m) => (
                  <li key={m.id}>
                    <Link to={`/sitzungen/${m.id}`}>{m.title}</Link> · {fmtDateTime(m.startsAt)}
                    {m.location && <> · {m.location}</>}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {session.hasRole('CASE_WORKER') && <Inbox compact />}
          <Section title={t('dashboard.goals')} id="goal-progress">
            {goals.length === 0 ? (
              <Empty>{t('goals.empty')}</Empty>
            ) : (
              goals.map((g) => (
                <div key={g.id} className="goal-progress">
                  <h3>{g.title}</h3>
                  {g.taskProgress !== null && g.taskProgress !== undefined && (
                    <p>
                      <label htmlFor={`prog-${g.id}`}>{t('goals.taskProgress')}</label>{' '}
                      <progress id={`prog-${g.id}`} max={1} value={g.taskProgress} />{' '}
                      {Math.round(g.taskProgress * 100)} %
                    </p>
                  )}
                  <div className="charts">
                    {g.indicators.map((i) => (
                      <IndicatorChart key={i.id} {...i} />
                    ))}
                  </div>
                </div>
              ))
            )}
          </Section>
        </div>
      )}
    </>
  );
}
