import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { TaskCardFieldsFragment, TaskStatus } from '../../gql/graphql';
import { Badge, isOverdue } from '../../ui';
import type { StatusTask } from './TaskStatusForm';
import { TaskStatusMenu } from './TaskStatusMenu';

/** The id a dragged card carries (its task's id) in the drag data. */
export const DRAG_TYPE = 'application/x-buendnis-task';

/**
 * A task on the board. Those the caller may change can be dragged to another column (the mouse's
 * way) or moved through "Status ändern" (the keyboard's way); the others show no such control.
 */
export function TaskCard({
  task,
  onStatusSaved,
}: {
  task: TaskCardFieldsFragment;
  onStatusSaved(task: StatusTask, status: TaskStatus): void;
}) {
  const { t, fmtDate } = useI18n();
  const movable = task.viewerCan.changeStatus;
  return (
    <li
      className={movable ? 'task-card movable' : 'task-card'}
      data-testid="task-card"
      data-task-id={task.id}
      draggable={movable || undefined}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Link id={`task-link-${task.id}`} to={`/aufgaben/${task.id}`} draggable={false}>
        {task.title}
      </Link>
      <div className="meta">
        <Badge kind={task.priority}>{t(`enum.TaskPriority.${task.priority}`)}</Badge>{' '}
        {task.leadPartner.organisation.shortName ?? task.leadPartner.organisation.name}
        {task.assignee && <> · {task.assignee.displayName}</>}
      </div>
      {task.goal && (
        <div className="meta">
          {t('tasks.goal')}: {task.goal.title}
        </div>
      )}
      {task.dueOn && (
        <div className={isOverdue(task.dueOn, task.status) ? 'meta overdue' : 'meta'}>
          {t('tasks.due', { date: fmtDate(task.dueOn) })}
          {isOverdue(task.dueOn, task.status) && <> – {t('tasks.overdue')}</>}
        </div>
      )}
      {movable && <TaskStatusMenu task={task} onSaved={onStatusSaved} />}
    </li>
  );
}
