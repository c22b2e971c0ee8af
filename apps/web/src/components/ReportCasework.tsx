import { useState } from 'react';
import { useI18n } from '../i18n';
import type { ReportCaseworkFiguresFragment } from '../gql/graphql';
import { languageName } from '../features/cases/case';
import { ReportTable } from './ReportTable';

type Figures = ReportCaseworkFiguresFragment;
type Cell = { value?: number | null; display: string };

function Count({ cell }: { cell: Cell }) {
  return <td className="num">{cell.display}</td>;
}

/** The casework tables of one period; a select switches between the quarters and the whole period. */
export function ReportCasework({
  periods,
  idPrefix,
}: {
  periods: { key: string; label: string; figures: Figures }[];
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [selected, setSelected] = useState(periods[periods.length - 1]?.key);
  const current = periods.find((p) => p.key === selected) ?? periods[0];
  if (!current) return null;
  const f = current.figures;
  const all = t('report.all');
  return (
    <>
      {periods.length > 1 && (
        <p className="field">
          <label htmlFor={`${idPrefix}-period`}>{t('report.quarter')}</label>{' '}
          <select id={`${idPrefix}-period`} value={current.key} onChange={(e) => setSelected(e.target.value)}>
            {periods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </p>
      )}
      <ReportTable
        caption={`${t('report.cases')} – ${current.label}`}
        columns={[t('report.area'), t('report.opened'), t('report.closed'), t('report.erased')]}
      >
        {f.cases.map((r) => (
          <tr key={r.area ?? 'all'}>
            <th scope="row">{r.area ? t(`enum.SupportArea.${r.area}`) : all}</th>
            <Count cell={r.opened} />
            <Count cell={r.closed} />
            <Count cell={r.erased} />
          </tr>
        ))}
      </ReportTable>
      <ReportTable
        caption={`${t('report.handovers')} – ${current.label}`}
        columns={[
          t('report.from.org'),
          t('report.to.org'),
          t('report.requested'),
          t('report.accepted'),
          t('report.declined'),
          t('report.completed'),
          t('report.median'),
        ]}
      >
        {f.handovers.map((h) => (
          <tr key={`${h.fromOrganisationId}-${h.toOrganisationId}`}>
            <th scope="row">{h.fromOrganisationName ?? all}</th>
            <td>{h.toOrganisationName ?? all}</td>
            <Count cell={h.requested} />
            <Count cell={h.accepted} />
            <Count cell={h.declined} />
            <Count cell={h.completed} />
            <td className="num">{h.medianHoursToAccept ?? '–'}</td>
          </tr>
        ))}
      </ReportTable>
      <ReportTable
        caption={`${t('report.consents')} – ${current.label}`}
        columns={[t('report.form'), t('report.recorded'), t('report.withdrawn')]}
      >
        {f.consentsByForm.map((r) => (
          <tr key={r.form ?? 'all'}>
            <th scope="row">{r.form ? t(`enum.ConsentForm.${r.form}`) : all}</th>
            <Count cell={r.recorded} />
            <Count cell={r.withdrawn} />
          </tr>
        ))}
      </ReportTable>
      <ReportTable
        caption={`${t('report.language')} / ${t('report.interpreter')} – ${current.label}`}
        columns={[t('report.language'), t('report.recorded')]}
      >
        {f.consentsByLanguage.map((r) => (
          <tr key={r.language ?? 'all'}>
            <th scope="row">{r.language ? languageName(r.language, t) : all}</th>
            <Count cell={r.recorded} />
          </tr>
        ))}
        {f.consentsByInterpreter
          .filter((r) => r.interpreterUsed !== null)
          .map((r) => (
            <tr key={String(r.interpreterUsed)}>
              <th scope="row">
                {t('report.interpreter')}: {r.interpreterUsed ? t('report.yes') : t('report.no')}
              </th>
              <Count cell={r.recorded} />
            </tr>
          ))}
      </ReportTable>
    </>
  );
}
