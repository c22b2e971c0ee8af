import { useI18n } from '../i18n';
import type { TaskPriority } from '../gql/graphql';

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

interface Props {
  /** Prefix of the inputs' ids, unique on the page. */
  idPrefix: string;
  /** Members who may be assigned (the API accepts only members of the task's organisations). */
  assignable: { user: { id: string; displayName: string } }[];
  assigneeId: string;
  onAssigneeId(value: string): void;
  dueOn: string;
  onDueOn(value: string): void;
  priority: TaskPriority;
  onPriority(value: TaskPriority): void;
}

/** Assignee, due date and priority of a task: the same fields when creating and when editing one. */
export function TaskPlanningFields({
  idPrefix,
  assignable,
  assigneeId,
  onAssigneeId,
  dueOn,
  onDueOn,
  priority,
  onPriority,
}: Props) {
  const { t } = useI18n();
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-assignee`}>{t('tasks.assignee')}</label>
        <select id={`${idPrefix}-assignee`} value={assigneeId} onChange={(e) => onAssigneeId(e.target.value)}>
          <option value="">{t('tasks.unassigned')}</option>
          {assignable.map((m) => (
            <option key={m.user.id} value={m.user.id}>
              {m.user.displayName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-due`}>{t('field.dueOn')}</label>
        <input id={`${idPrefix}-due`} type="date" value={dueOn} onChange={(e) => onDueOn(e.target.value)} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-priority`}>{t('field.priority')}</label>
        <select
          id={`${idPrefix}-priority`}
          value={priority}
          onChange={(e) => onPriority(e.target.value as TaskPriority)}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`enum.TaskPriority.${p}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
