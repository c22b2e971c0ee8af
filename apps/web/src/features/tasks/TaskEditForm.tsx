import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { AllianceQuery, UpdateTaskMutation } from '../../graphql/ops';
import type { TaskPriority, TaskQuery as TaskResult } from '../../gql/graphql';
import { ErrorMessage, FieldError, useFieldError } from '../../errors';
import { TaskPlanningFields } from '../../components/TaskPlanningFields';
import { TaskPartnerGoalFields } from './TaskPartnerGoalFields';
import { assignableMembers, useTaskGoals } from './TaskCreateForm';
import { Section } from '../../ui';

type TaskT = NonNullable<TaskResult['task']>;

/**
 * Title, description, contributing partners, goal, assignee, due date and priority of a task; only
 * what changed is sent. A stale version answers CONFLICT, shown in plain words.
 */
export function TaskEditForm({ task, reload }: { task: TaskT; reload(): void }) {
  const { t } = useI18n();
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: task.alliance.id } });
  const [result, update] = useMutation(UpdateTaskMutation);
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? '');
  const [contributing, setContributing] = useState(task.contributingPartners.map((p) => p.id));
  const [goalId, setGoalId] = useState(task.goal?.id ?? '');
  const [assigneeId, setAssigneeId] = useState(task.assignee?.id ?? '');
  const [dueOn, setDueOn] = useState(task.dueOn ?? '');
  const [priority, setPriority] = useState<TaskPriority>(task.priority);
  const [saved, setSaved] = useState('');
  const goals = useTaskGoals(task.alliance.id, task.goal?.id);
  const titleError = useFieldError(result.error, 'title');
  const contributingError = useFieldError(result.error, 'contributingPartnerIds');
  const assigneeError = useFieldError(result.error, 'assigneeId');

  // Active partners may join; partners already on the task stay choosable after they left.
  const current = new Set(task.contributingPartners.map((p) => p.id));
  const partners = (alliance.data?.alliance?.partners ?? []).filter(
    (p) => p.status === 'ACTIVE' || current.has(p.id),
  );
  const members = assignableMembers(
    alliance.data?.alliance?.members ?? [],
    alliance.data?.alliance?.partners ?? [],
    [task.leadPartner.id, ...contributing],
  );
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const r = await update({
      id: task.id,
      input: {
        expectedVersion: task.version,
        ...(title.trim() !== task.title ? { title: title.trim() } : {}),
        ...(description.trim() !== (task.description ?? '')
          ? { description: description.trim() || null }
          : {}),
        ...(!sameSet(contributing, [...current]) ? { contributingPartnerIds: contributing } : {}),
        ...(goalId !== (task.goal?.id ?? '') ? { goalId: goalId || null } : {}),
        assigneeId: assigneeId || null,
        dueOn: dueOn || null,
        priority,
      },
    });
    if (!r.error) {
      setSaved(t('tasks.saved'));
      reload();
    }
  };
  return (
    <Section title={t('tasks.edit')} id="edit-task">
      <form className="form grid" onSubmit={submit}>
        <div className="wide">
          <label htmlFor="e-title">{t('field.title')}</label>
          <input
            id="e-title"
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? 'e-title-error' : undefined}
          />
          <FieldError id="e-title-error" text={titleError} />
        </div>
        <TaskPlanningFields
          idPrefix="e"
          assignable={members}
          assigneeId={assigneeId}
          onAssigneeId={setAssigneeId}
          dueOn={dueOn}
          onDueOn={setDueOn}
          priority={priority}
          onPriority={setPriority}
        />
        <FieldError id="e-assignee-error" text={assigneeError} />
        <TaskPartnerGoalFields
          idPrefix="e"
          partners={partners}
          leadPartnerId={task.leadPartner.id}
          contributing={contributing}
          onContributing={setContributing}
          goals={goals}
          goalId={goalId}
          onGoalId={setGoalId}
        />
        <FieldError id="e-contributing-error" text={contributingError} />
        <div className="wide">
          <label htmlFor="e-desc">{t('field.description')}</label>
          <textarea
            id="e-desc"
            rows={4}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {result.error && <ErrorMessage error={result.error} />}
        <div className="wide">
          <button type="submit" disabled={result.fetching}>
            {t('tasks.save')}
          </button>{' '}
          <span role="status">{saved}</span>
        </div>
      </form>
    </Section>
  );
}
