import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { GoalsQuery, RecordMeasurementMutation } from '../graphql/ops';
import type { GoalsQuery as GoalsResult } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle, today } from '../ui';
import { IndicatorChart } from '../components/IndicatorChart';

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
  return (
    <>
      <PageTitle title={t('goals.title')}>{t('goals.title')}</PageTitle>
      {goals.length === 0 ? (
        <Empty>{t('goals.empty')}</Empty>
      ) : (
        <ul className="goal-tree" aria-label={t('goals.tree')}>
          {roots.map((g) => (
            <GoalNode key={g.id} goal={g} all={goals} level={2} reload={() => refetch({ requestPolicy: 'network-only' })} />
          ))}
        </ul>
      )}
    </>
  );
}

function GoalNode({ goal, all, level, reload }: { goal: Goal; all: Goal[]; level: number; reload(): void }) {
  const { t, fmtDate, fmtNumber } = useI18n();
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
        {goal.taskProgress !== null && goal.taskProgress !== undefined && <> · {t('goals.tasksDone', { pct: Math.round(goal.taskProgress * 100) })}</>}
      </p>
      {goal.indicators.map((i) => (
        <details key={i.id} className="indicator">
          <summary>
            {i.name}: {fmtNumber(i.current)} / {fmtNumber(i.target)} {i.unit}
          </summary>
          <IndicatorChart {...i} />
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
      <input id={`mv-${indicatorId}`} type="number" step="any" required className="short" value={value} onChange={(e) => setValue(e.target.value)} />
      <label htmlFor={`md-${indicatorId}`}>{t('goals.observedOn')}</label>
      <input id={`md-${indicatorId}`} type="date" required value={observedOn} onChange={(e) => setObservedOn(e.target.value)} />
      <button type="submit" disabled={result.fetching}>
        {t('goals.record')}
      </button>
      {result.error && <ErrorMessage error={result.error} />}
    </form>
  );
}
