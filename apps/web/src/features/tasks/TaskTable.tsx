import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { TaskCardFieldsFragment, TaskStatus } from '../../gql/graphql';
import { Badge, isOverdue } from '../../ui';
import type { StatusTask } from './TaskStatusForm';
import { TaskStatusMenu } from './TaskStatusMenu';

/** The board's page as a table: one row per task, sortable by the eye, every status together. */
export function TaskTable({
  tasks,
  onStatusSaved,
}: {
  tasks: TaskCardFieldsFragment[];
  onStatusSaved(task: StatusTask, status: TaskStatus): void;
}) {
  const { t, fmtDate } = useI18n();
  return (
    <div className="table-scroll" data-testid="task-table">
      <table>
        <caption className="visually-hidden">{t('tasks.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.title')}</th>
            <th scope="col">{t('field.status')}</th>
            <th scope="col">{t('field.priority')}</th>
            <th scope="col">{t('tasks.leadPartner')}</th>
            <th scope="col">{t('tasks.assignee')}</th>
            <th scope="col">{t('field.dueOn')}</th>
            <th scope="col">{t('tasks.goal')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <th scope="row">
                <Link id={`task-link-${task.id}`} to={`/aufgaben/${task.id}`}>
                  {task.title}
                </Link>
              </th>
              <td>
                <Badge kind={task.status}>{t(`enum.TaskStatus.${task.status}`)}</Badge>
                {task.viewerCan.changeStatus && <TaskStatusMenu task={task} onSaved={onStatusSaved} />}
              </td>
              <td>{t(`enum.TaskPriority.${task.priority}`)}</td>
              <td>{task.leadPartner.organisation.shortName ?? task.leadPartner.organisation.name}</td>
              <td>{task.assignee?.displayName ?? '–'}</td>
              <td className={isOverdue(task.dueOn, task.status) ? 'overdue' : undefined}>
                {task.dueOn ? fmtDate(task.dueOn) : '–'}
              </td>
              <td>{task.goal?.title ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
