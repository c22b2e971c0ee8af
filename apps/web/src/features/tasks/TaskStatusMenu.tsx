import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { TaskStatus } from '../../gql/graphql';
import { type StatusTask, TaskStatusForm } from './TaskStatusForm';

/**
 * The keyboard's way to move a card to another column (the mouse may drag it): "Status ändern"
 * opens a small form with the new status and an explicit "Status speichern"; Escape or
 * "Abbrechen" closes it and returns focus to the button.
 */
export function TaskStatusMenu({
  task,
  onSaved,
}: {
  task: StatusTask;
  onSaved(task: StatusTask, status: TaskStatus): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = `status-menu-${task.id}`;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="status-menu">
      <button
        ref={button}
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((o) => !o)}
      >
        {t('tasks.changeStatus')}
        <span className="visually-hidden">: {task.title}</span>
      </button>
      {open && (
        <div id={panel}>
          <TaskStatusForm
            task={task}
            idPrefix={`card-${task.id}`}
            label={t('tasks.newStatus')}
            named
            autoFocus
            onCancel={close}
            onSaved={(status) => {
              setOpen(false);
              onSaved(task, status);
            }}
          />
        </div>
      )}
    </div>
  );
}
