import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { AllianceReportQuery } from '../graphql/report';
import { ErrorMessage } from '../errors';
import { Empty, Loading, PageTitle, Section, today } from '../ui';
import { ReportChart } from '../components/ReportChart';
import { ReportCasework } from '../components/ReportCasework';
import { ReportDownloads } from '../components/ReportDownloads';
import { ReportTable } from '../components/ReportTable';

import type { Period } from '../components/ReportDownloads';

function presets(year: number): { key: string; period: Period; year: number; quarter?: number }[] {
  const list: { key: string; period: Period; year: number; quarter?: number }[] = [];
  for (const y of [year, year - 1, year - 2]) {
    list.push({ key: `y${y}`, year: y, period: { from: `${y}-01-01`, to: `${y}-12-31` } });
    for (const q of [1, 2, 3, 4]) {
      const m = (q - 1) * 3 + 1;
      const last = new Date(Date.UTC(y, m + 2, 0)).getUTCDate();
      list.push({
        key: `q${y}-${q}`,
        year: y,
        quarter: q,
        period: {
          from: `${y}-${String(m).padStart(2, '0')}-01`,
          to: `${y}-${String(m + 2).padStart(2, '0')}-${last}`,
        },
      });
    }
  }
  return list;
}

/** Berichte: the alliance report for a period, with charts, tables and the downloads. */
export default function Reports() {
  const { t } = useI18n();
  const year = Number(today().slice(0, 4));
  const options = presets(year);
  const [preset, setPreset] = useState(`y${year}`);
  const [draft, setDraft] = useState<Period>(options[0].period);
  const [period, setPeriod] = useState<Period>(options[0].period);
  const [invalid, setInvalid] = useState(false);

  const choose = (key: string) => {
    setPreset(key);
    const p = options.find((o) => o.key === key);
    if (p) {
      setDraft(p.period);
      setInvalid(false);
      setPeriod(p.period);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.to < draft.from) return setInvalid(true);
    setInvalid(false);
    setPeriod(draft);
  };

  return (
    <>
      <PageTitle title={t('report.title')}>{t('report.title')}</PageTitle>
      <form className="card report-period" onSubmit={submit} aria-label={t('report.period')}>
        <p className="field">
          <label htmlFor="r-preset">{t('report.preset')}</label>
          <select id="r-preset" value={preset} onChange={(e) => choose(e.target.value)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.quarter
                  ? t('report.presetQuarter', { quarter: String(o.quarter), year: String(o.year) })
                  : t('report.presetYear', { year: String(o.year) })}
              </option>
            ))}
            <option value="custom">{t('report.presetCustom')}</option>
          </select>
        </p>
        <p className="field">
          <label htmlFor="r-from">{t('report.from')}</label>
          <input
            id="r-from"
            type="date"
            required
            value={draft.from}
            onChange={(e) => {
              setPreset('custom');
              setDraft({ ...draft, from: e.target.value });
            }}
          />
        </p>
        <p className="field">
          <label htmlFor="r-to">{t('report.to')}</label>
          <input
            id="r-to"
            type="date"
            required
            value={draft.to}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? 'r-to-error' : undefined}
            onChange={(e) => {
              setPreset('custom');
              setDraft({ ...draft, to: e.target.value });
            }}
          />
        </p>
        <button type="submit">{t('report.show')}</button>
        {invalid && (
          <p id="r-to-error" className="alert-inline" role="alert">
            {t('report.badPeriod')}
          </p>
        )}
      </form>
      <Report period={period} />
    </>
  );
}

function Report({ period }: { period: Period }) {
  const { t, fmtDate, fmtNumber } = useI18n();
  const session = useSession();
  const [res] = useQuery({
    query: AllianceReportQuery,
    variables: { allianceId: session.allianceId!, ...period },
  });
  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const r = res.data?.allianceReport;
  if (!r) return <Empty>{t('report.none')}</Empty>;
  const pct = (share: number) => `${fmtNumber(Math.round(share * 1000) / 10)} %`;
  const counts = (c: { created: number; done: number; overdue: number; cancelled: number }) => (
    <>
      <td className="num">{c.created}</td>
      <td className="num">{c.done}</td>
      <td className="num">{c.overdue}</td>
      <td className="num">{c.cancelled}</td>
    </>
  );
  const taskColumns = [t('report.created'), t('report.done'), t('report.overdue'), t('report.cancelled')];
  const casework = r.casework;
  const periods = casework
    ? [
        ...casework.quarters.map((q) => ({ key: q.label, label: q.label, figures: q })),
        ...(casework.total && casework.quarters.length > 1
          ? [{ key: 'total', label: t('report.wholePeriod'), figures: casework.total }]
          : []),
      ]
    : [];
  return (
    <div aria-live="polite">
      <h2 className="report-heading">{t('report.heading', { from: fmtDate(r.from), to: fmtDate(r.to) })}</h2>
      <ReportDownloads period={period} caseWorker={!!r.ownOrganisationCasework} />
      <Section title={t('report.goals')} id="report-goals">
        {r.goals.length === 0 && <Empty>{t('report.noGoals')}</Empty>}
        {r.goals.map((g) => (
          <div key={g.goalId} className="report-goal">
            <h3>{g.title}</h3>
            {g.indicators.map((i) => (
              <div key={i.indicatorId} className="report-indicator">
                <h4>
                  {i.name} ({i.unit})
                </h4>
                <p className="meta">
                  {t('report.baseline')} {fmtNumber(i.baseline)} · {t('report.target')} {fmtNumber(i.target)}{' '}
                  · {t('report.latest')}{' '}
                  {i.latestValue === null || i.latestValue === undefined ? '–' : fmtNumber(i.latestValue)} ·{' '}
                  {t('report.progress')}{' '}
                  {i.progress === null || i.progress === undefined ? '–' : pct(i.progress)}
                </p>
                <ReportChart {...i} from={r.from} to={r.to} />
                <ReportTable
                  caption={t('report.measurementsOf', { name: i.name })}
                  columns={[t('report.date'), `${t('report.value')} (${i.unit})`]}
                  empty={i.measurements.length === 0 && t('report.noMeasurements')}
                >
                  {i.measurements.map((m) => (
                    <tr key={m.observedOn + m.value}>
                      <td>{fmtDate(m.observedOn)}</td>
                      <td className="num">{fmtNumber(m.value)}</td>
                    </tr>
                  ))}
                </ReportTable>
              </div>
            ))}
          </div>
        ))}
      </Section>
      <Section title={t('report.tasksByPartner')} id="report-tasks">
        <ReportTable
          caption={t('report.tasksByPartner')}
          columns={[t('report.partner'), t('report.role'), ...taskColumns]}
        >
          {r.tasksByPartner.flatMap((p) => [
            <tr key={`${p.partnerId}-lead`}>
              <th scope="row">{p.organisationName}</th>
              <td>{t('report.lead')}</td>
              {counts(p.asLead)}
            </tr>,
            <tr key={`${p.partnerId}-contributing`}>
              <th scope="row">{p.organisationName}</th>
              <td>{t('report.contributing')}</td>
              {counts(p.asContributor)}
            </tr>,
          ])}
        </ReportTable>
        <ReportTable caption={t('report.tasksByGoal')} columns={[t('report.goal'), ...taskColumns]}>
          {r.tasksByGoal.map((g) => (
            <tr key={g.goalId ?? 'none'}>
              <th scope="row">{g.goalTitle ?? t('report.noGoal')}</th>
              {counts(g.counts)}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('report.allTasks')}</th>
            {counts(r.taskTotals)}
          </tr>
        </ReportTable>
      </Section>
      <Section title={t('report.meetings')} id="report-meetings">
        <ReportTable
          caption={t('report.meetings')}
          columns={[
            t('report.date'),
            t('report.meeting'),
            t('report.invited'),
            t('report.present'),
            t('report.quorum'),
          ]}
          empty={r.meetings.length === 0 && t('report.none')}
        >
          {r.meetings.map((m) => (
            <tr key={m.meetingId}>
              <td>{fmtDate(m.startsAt.slice(0, 10))}</td>
              <th scope="row">{m.title}</th>
              <td className="num">{m.invitedPartners}</td>
              <td className="num">{m.presentPartners}</td>
              <td>{m.quorumReached ? t('report.yes') : t('report.no')}</td>
            </tr>
          ))}
        </ReportTable>
        <ReportTable
          caption={t('report.attendance')}
          columns={[t('report.partner'), t('report.invited'), t('report.present'), t('report.rate')]}
        >
          {r.attendance.map((p) => (
            <tr key={p.partnerId}>
              <th scope="row">{p.organisationName}</th>
              <td className="num">{p.invited}</td>
              <td className="num">{p.present}</td>
              <td className="num">{pct(p.rate)}</td>
            </tr>
          ))}
        </ReportTable>
        <ReportTable
          caption={t('report.decisions')}
          columns={[t('report.number'), t('report.decision'), t('report.outcome'), t('report.followUps')]}
          empty={r.decisions.length === 0 && t('report.none')}
        >
          {r.decisions.map((d) => (
            <tr key={d.decisionId}>
              <td>{d.number}</td>
              <th scope="row">{d.title}</th>
              <td>{t(`enum.DecisionOutcome.${d.outcome}`)}</td>
              <td>
                {d.followUpTasks.map((f) => `${f.title} (${t(`enum.TaskStatus.${f.status}`)})`).join('; ') ||
                  '–'}
              </td>
            </tr>
          ))}
        </ReportTable>
      </Section>
      {casework && (
        <Section title={t('report.casework')} id="report-casework">
          <p className="meta">{t('report.legend')}</p>
          {casework.unpublishedQuarters.length > 0 && (
            <p className="meta">
              {t('report.unpublished', { quarters: casework.unpublishedQuarters.join(', ') })}
            </p>
          )}
          {periods.length === 0 ? (
            <Empty>{t('report.noQuarter')}</Empty>
          ) : (
            <ReportCasework periods={periods} idPrefix="cw" />
          )}
        </Section>
      )}
      {r.ownOrganisationCasework?.total && (
        <Section title={t('report.own')} id="report-own">
          <ReportCasework
            periods={[
              { key: 'own', label: t('report.wholePeriod'), figures: r.ownOrganisationCasework.total },
            ]}
            idPrefix="own"
          />
        </Section>
      )}
    </div>
  );
}
