import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import {
  AddIndicatorMutation,
  CreateGoalMutation,
  GoalsQuery,
  RecordMeasurementMutation,
} from '../graphql/ops';
import type { GoalStatus, GoalsQuery as GoalsResult } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle, today } from '../ui';
import { IndicatorChart } from '../components/IndicatorChart';
import { CreatePanel } from '../components/CreatePanel';

type Goal = NonNullable<GoalsResult['alliance']>['goals'][number];

export default function Goals() {
  const { t } = useI18n();
  const session = useSession();
  const [res, refetch] = useQuery({ query: GoalsQuery, variables: { allianceId: session.allianceId! } });
  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const goals = res.data?.alliance?.goals ?? [];
  const ids = new Set(goals.map((g) => g.id));
  const roots = goals.filter((g) => !g.parent || !ids.has(g.parent.id));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const planner = session.hasRole('COORDINATOR', 'ALLIANCE_ADMIN');
  return (
    <>
      <PageTitle title={t('goals.title')}>{t('goals.title')}</PageTitle>
      {planner && (
        <CreatePanel id="new-goal" label={t('goals.new')} title={t('goals.new')}>
          {(close) => <NewGoal goals={goals} reload={reload} onCancel={close} />}
        </CreatePanel>
      )}
      {goals.length === 0 ? (
        <Empty>{t('goals.empty')}</Empty>
      ) : (
        <ul className="goal-tree" aria-label={t('goals.tree')}>
          {roots.map((g) => (
            <GoalNode key={g.id} goal={g} all={goals} level={2} reload={reload} />
          ))}
        </ul>
      )}
    </>
  );
}

function GoalNode({ goal, all, level, reload }: { goal: Goal; all: Goal[]; level: number; reload(): void }) {
  const { t, fmtDate, fmtNumber } = useI18n();
  const session = useSession();
  const children = all.filter((g) => g.parent?.id === goal.id);
  const H = (level <= 2 ? 'h2' : level === 3 ? 'h3' : 'h4') as 'h2';
  return (
    <li className="card goal">
      <H>
        {goal.title} <Badge kind={goal.status}>{t(`enum.GoalStatus.${goal.status}`)}</Badge>
      </H>
      {goal.description && <p>{goal.description}</p>}
      <p className="meta">
        {goal.ownerPartners.map((p) => p.organisation.shortName ?? p.organisation.name).join(', ')}
        {goal.dueOn && <> · {t('goals.dueOn', { date: fmtDate(goal.dueOn) })}</>}
        {goal.taskProgress !== null && goal.taskProgress !== undefined && (
          <> · {t('goals.tasksDone', { pct: Math.round(goal.taskProgress * 100) })}</>
        )}
      </p>
      {goal.indicators.map((i) => (
        <details key={i.id} className="indicator">
          <summary>
            {i.name}: {fmtNumber(i.current)} / {fmtNumber(i.target)} {i.unit}
          </summary>
          <IndicatorChart {...i} table={false} />
          {i.measurements.length === 0 ? (
            <Empty>{t('goals.noMeasurements')}</Empty>
          ) : (
            <table>
              <caption>{t('goals.history', { name: i.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('goals.observedOn')}</th>
                  <th scope="col">{t('goals.value')}</th>
                  <th scope="col">{t('field.note')}</th>
                </tr>
              </thead>
              <tbody>
                {[...i.measurements]
                  .sort((a, b) => b.observedOn.localeCompare(a.observedOn))
                  .map((m) => (
                    <tr key={m.id}>
                      <td>{fmtDate(m.observedOn)}</td>
                      <td>
                        {fmtNumber(m.value)} {i.unit}
                      </td>
                      <td>{m.note ?? ''}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          <MeasurementForm indicatorId={i.id} reload={reload} />
        </details>
      ))}
      {session.hasRole('COORDINATOR', 'ALLIANCE_ADMIN') && <NewIndicator goalId={goal.id} reload={reload} />}
      {children.length > 0 && (
        <ul className="goal-tree">
          {children.map((c) => (
            <GoalNode key={c.id} goal={c} all={all} level={level + 1} reload={reload} />
          ))}
        </ul>
      )}
    </li>
  );
}

function MeasurementForm({ indicatorId, reload }: { indicatorId: string; reload(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [value, setValue] = useState('');
  const [observedOn, setObservedOn] = useState(today());
  const [result, record] = useMutation(RecordMeasurementMutation);
  if (!session.hasRole('COORDINATOR', 'MEMBER')) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await record({ input: { indicatorId, value: Number(value), observedOn } });
    if (!r.error) {
      setValue('');
      reload();
    }
  };
  return (
    <form className="form inline" onSubmit={submit}>
      <label htmlFor={`mv-${indicatorId}`}>{t('goals.newValue')}</label>
      <input
        id={`mv-${indicatorId}`}
        type="number"
        step="any"
        required
        className="short"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <label htmlFor={`md-${indicatorId}`}>{t('goals.observedOn')}</label>
      <input
        id={`md-${indicatorId}`}
        type="date"
        required
        value={observedOn}
        onChange={(e) => setObservedOn(e.target.value)}
      />
      <button type="submit" disabled={result.fetching}>
        {t('goals.record')}
      </button>
      {result.error && <ErrorMessage error={result.error} />}
    </form>
  );
}

function NewGoal({ goals, reload, onCancel }: { goals: Goal[]; reload(): void; onCancel(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [result, create] = useMutation(CreateGoalMutation);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [parentId, setParentId] = useState('');
  const [status, setStatus] = useState<GoalStatus>('ACTIVE');
  const [dueOn, setDueOn] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({
      input: {
        allianceId: session.allianceId!,
        title: title.trim(),
        description: description.trim() || null,
        parentId: parentId || null,
        status,
        dueOn: dueOn || null,
      },
    });
    if (!r.error) {
      setTitle('');
      setDescription('');
      reload();
      onCancel();
    }
  };
  return (
    <form className="form grid" onSubmit={submit}>
      <div>
        <label htmlFor="g-title">{t('field.title')}</label>
        <input id="g-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div>
        <label htmlFor="g-parent">{t('goals.parent')}</label>
        <select id="g-parent" value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('goals.noParent')}</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="g-status">{t('field.status')}</label>
        <select id="g-status" value={status} onChange={(e) => setStatus(e.target.value as GoalStatus)}>
          {(['DRAFT', 'ACTIVE'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`enum.GoalStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="g-due">{t('field.dueOn')}</label>
        <input id="g-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </div>
      <div className="wide">
        <label htmlFor="g-desc">{t('field.description')}</label>
        <textarea id="g-desc" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {result.error && <ErrorMessage error={result.error} />}
      <div className="wide actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          {t('goals.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function NewIndicator({ goalId, reload }: { goalId: string; reload(): void }) {
  const { t } = useI18n();
  const [result, add] = useMutation(AddIndicatorMutation);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [baseline, setBaseline] = useState('0');
  const [target, setTarget] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await add({
      input: {
        goalId,
        name: name.trim(),
        unit: unit.trim(),
        baseline: Number(baseline),
        target: Number(target),
      },
    });
    if (!r.error) {
      setName('');
      setUnit('');
      setTarget('');
      reload();
    }
  };
  return (
    <details className="add-indicator">
      <summary>{t('goals.addIndicator')}</summary>
      <form className="form grid" onSubmit={submit}>
        <div>
          <label htmlFor={`i-name-${goalId}`}>{t('goals.indicatorName')}</label>
          <input id={`i-name-${goalId}`} required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`i-unit-${goalId}`}>{t('goals.unit')}</label>
          <input id={`i-unit-${goalId}`} required value={unit} onChange={(e) => setUnit(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`i-base-${goalId}`}>{t('goals.baseline')}</label>
          <input
            id={`i-base-${goalId}`}
            type="number"
            step="any"
            required
            value={baseline}
            onChange={(e) => setBaseline(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`i-target-${goalId}`}>{t('goals.targetValue')}</label>
          <input
            id={`i-target-${goalId}`}
            type="number"
            step="any"
            required
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        </div>
        {result.error && <ErrorMessage error={result.error} />}
        <div className="wide">
          <button type="submit" disabled={result.fetching}>
            {t('goals.addIndicatorSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
