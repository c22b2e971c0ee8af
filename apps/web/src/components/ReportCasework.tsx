import { useState } from 'react';
import { useI18n } from '../i18n';
import type { ReportCaseworkFiguresFragment } from '../gql/graphql';

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
  const languageName = (code: string) => {
    const key = `lang.${code}`;
    const name = t(key);
    return name === key ? code : name;
  };
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
      <div className="table-scroll">
        <table>
          <caption>
            {t('report.cases')} – {current.label}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.area')}</th>
              <th scope="col">{t('report.opened')}</th>
              <th scope="col">{t('report.closed')}</th>
              <th scope="col">{t('report.erased')}</th>
            </tr>
          </thead>
          <tbody>
            {f.cases.map((r) => (
              <tr key={r.area ?? 'all'}>
                <th scope="row">{r.area ? t(`enum.SupportArea.${r.area}`) : all}</th>
                <Count cell={r.opened} />
                <Count cell={r.closed} />
                <Count cell={r.erased} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table>
          <caption>
            {t('report.handovers')} – {current.label}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.from.org')}</th>
              <th scope="col">{t('report.to.org')}</th>
              <th scope="col">{t('report.requested')}</th>
              <th scope="col">{t('report.accepted')}</th>
              <th scope="col">{t('report.declined')}</th>
              <th scope="col">{t('report.completed')}</th>
              <th scope="col">{t('report.median')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table>
          <caption>
            {t('report.consents')} – {current.label}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.form')}</th>
              <th scope="col">{t('report.recorded')}</th>
              <th scope="col">{t('report.withdrawn')}</th>
            </tr>
          </thead>
          <tbody>
            {f.consentsByForm.map((r) => (
              <tr key={r.form ?? 'all'}>
                <th scope="row">{r.form ? t(`enum.ConsentForm.${r.form}`) : all}</th>
                <Count cell={r.recorded} />
                <Count cell={r.withdrawn} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table>
          <caption>
            {t('report.language')} / {t('report.interpreter')} – {current.label}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.language')}</th>
              <th scope="col">{t('report.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {f.consentsByLanguage.map((r) => (
              <tr key={r.language ?? 'all'}>
                <th scope="row">{r.language ? languageName(r.language) : all}</th>
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
          </tbody>
        </table>
      </div>
    </>
  );
}
