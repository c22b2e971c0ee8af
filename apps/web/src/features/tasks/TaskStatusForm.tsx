import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { UpdateTaskMutation } from '../../graphql/ops';
import type { TaskStatus } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';

export const TASK_STATUSES: TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED'];

export interface StatusTask {
  id: string;
  title: string;
  status: TaskStatus;
  version: number;
}

interface Props {
  task: StatusTask;
  /** Prefix of the select's id, unique on the page. */
  idPrefix: string;
  /** The select's label; the task's title is added for screen readers when `named`. */
  label: string;
  named?: boolean;
  autoFocus?: boolean;
  onSaved(status: TaskStatus): void;
  onCancel?(): void;
}

/**
 * A task's status: choosing in the list changes nothing yet (arrow keys only move the choice);
 * the status is saved by the explicit button, so no change of context happens on input.
 */
export function TaskStatusForm({ task, idPrefix, label, named, autoFocus, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [result, update] = useMutation(UpdateTaskMutation);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (autoFocus) select.current?.focus();
  }, [autoFocus]);
  useEffect(() => setStatus(task.status), [task.status]);
  const id = `${idPrefix}-status`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === task.status) return onCancel?.();
    const r = await update({ id: task.id, input: { expectedVersion: task.version, status } });
    if (!r.error) onSaved(status);
  };
  return (
    <form className="form inline status-form" onSubmit={submit}>
      <label htmlFor={id}>
        {label}
        {named && <span className="visually-hidden">: {task.title}</span>}
      </label>
      <select
        id={id}
        ref={select}
        value={status}
        onChange={(e) => setStatus(e.target.value as TaskStatus)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
      >
        {TASK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`enum.TaskStatus.${s}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={result.fetching || status === task.status}>
        {t('tasks.saveStatus')}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      {result.error && <ErrorMessage error={result.error} />}
    </form>
  );
}
