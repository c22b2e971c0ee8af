import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CreateTaskMutation, TaskGoalsQuery } from '../../graphql/ops';
import type { TaskPriority } from '../../gql/graphql';
import { ErrorMessage, FieldError, useFieldError } from '../../errors';
import { TaskPlanningFields } from '../../components/TaskPlanningFields';
import { TaskPartnerGoalFields } from './TaskPartnerGoalFields';

export interface PartnerOption {
  id: string;
  organisation: { id: string; name: string };
}
export interface MemberOption {
  user: { id: string; displayName: string; organisation: { id: string } };
}

/** Goals a task may serve: those not dropped (a task's current goal stays listed when editing). */
export function useTaskGoals(allianceId: string, current?: string | null) {
  const [res] = useQuery({ query: TaskGoalsQuery, variables: { allianceId } });
  return (res.data?.alliance?.goals ?? []).filter((g) => g.status !== 'DROPPED' || g.id === current);
}

/** Members of the lead and contributing organisations: the only ones the API accepts as assignee. */
export function assignableMembers(
  members: MemberOption[],
  partners: PartnerOption[],
  partnerIds: string[],
): MemberOption[] {
  const orgs = new Set(partners.filter((p) => partnerIds.includes(p.id)).map((p) => p.organisation.id));
  return members.filter((m) => orgs.has(m.user.organisation.id));
}

export function TaskCreateForm({
  allianceId,
  partners,
  members,
  ownOrganisationTakesPart,
  onCreated,
  onCancel,
}: {
  allianceId: string;
  partners: PartnerOption[];
  members: MemberOption[];
  /** The API's rule for the caller: their organisation must lead or contribute. */
  ownOrganisationTakesPart: boolean;
  onCreated(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const own = partners.find((p) => p.organisation.id === session.user?.organisation.id);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [lead, setLead] = useState('');
  const [contributing, setContributing] = useState<string[]>([]);
  const [goalId, setGoalId] = useState('');
  const [assignee, setAssignee] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('NORMAL');
  const [result, create] = useMutation(CreateTaskMutation);
  const [done, setDone] = useState('');
  const goals = useTaskGoals(allianceId);
  const titleError = useFieldError(result.error, 'title');

  const leadPartner = partners.find((p) => p.id === (lead || own?.id)) ?? partners[0];
  const others = contributing.filter((id) => id !== leadPartner?.id);
  const assignable = assignableMembers(members, partners, [leadPartner?.id ?? '', ...others]);
  const ownTakesPart = partners.some(
    (p) =>
      p.organisation.id === session.user?.organisation.id &&
      (p.id === leadPartner?.id || others.includes(p.id)),
  );
  const blocked = ownOrganisationTakesPart && !ownTakesPart;
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
        contributingPartnerIds: others,
        goalId: goalId || null,
        priority,
        assigneeId: assignable.some((m) => m.user.id === assignee) ? assignee : null,
        dueOn: dueOn || null,
      },
    });
    if (!res.error) {
      setDone(t('tasks.created', { title: title.trim() }));
      setTitle('');
      setDescription('');
      setDueOn('');
      setContributing([]);
      setGoalId('');
      onCreated();
    }
  };

  return (
    <>
      <form className="form grid" onSubmit={submit}>
        <div>
          <label htmlFor="t-title">{t('field.title')}</label>
          <input
            id="t-title"
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? 't-title-error' : undefined}
          />
          <FieldError id="t-title-error" text={titleError} />
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
        <TaskPartnerGoalFields
          idPrefix="t"
          partners={partners}
          leadPartnerId={leadPartner?.id ?? ''}
          contributing={others}
          onContributing={setContributing}
          goals={goals}
          goalId={goalId}
          onGoalId={setGoalId}
        />
        <div className="wide">
          <label htmlFor="t-desc">{t('field.description')}</label>
          <textarea
            id="t-desc"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {result.error && <ErrorMessage error={result.error} />}
        <div className="wide">
          {blocked && (
            <p className="field-error" id="t-own-org">
              {t('tasks.ownOrganisationMustTakePart')}
            </p>
          )}
          <button
            type="submit"
            className="primary"
            disabled={result.fetching || blocked}
            aria-describedby={blocked ? 't-own-org' : undefined}
          >
            {t('tasks.create')}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>{' '}
          <span role="status">{done}</span>
        </div>
      </form>
    </>
  );
}
