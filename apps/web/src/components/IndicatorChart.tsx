import { useI18n } from '../i18n';
import { today } from '../ui';
import { ReportChart } from './ReportChart';

interface Props {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  measurements: { id: string; value: number; observedOn: string }[];
  /** The values as a table beside the chart (its text alternative); off where the page shows one. */
  table?: boolean;
}

/** One year before `day` (YYYY-MM-DD). */
function yearBefore(day: string): string {
  return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
}

/**
 * An indicator's measurements over time: the report's chart (axes with values and dates, baseline
 * and target as lines), from the first measurement (or a year back) to today, with the values as a
 * table for those who cannot see the chart.
 */
export function IndicatorChart({ name, unit, baseline, target, measurements, table = true }: Props) {
  const { t, fmtNumber, fmtDate } = useI18n();
  const points = [...measurements].sort((a, b) => a.observedOn.localeCompare(b.observedOn));
  const end = [today(), ...points.map((p) => p.observedOn)].sort().at(-1)!;
  const start = points[0]?.observedOn && points[0].observedOn < end ? points[0].observedOn : yearBefore(end);
  return (
    <div className="indicator-chart" data-testid="indicator-chart">
      <ReportChart
        name={name}
        unit={unit}
        baseline={baseline}
        target={target}
        from={start}
        to={end}
        measurements={points}
      />
      {table && (
        <details className="chart-table">
          <summary>{t('goals.chartTable')}</summary>
          <table>
            <caption>{t('goals.history', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('goals.observedOn')}</th>
                <th scope="col">
                  {t('goals.value')} ({unit})
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('goals.baseline')}</th>
                <td className="num">{fmtNumber(baseline)}</td>
              </tr>
              {points.map((p) => (
                <tr key={p.id}>
                  <td>{fmtDate(p.observedOn)}</td>
                  <td className="num">{fmtNumber(p.value)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('goals.target')}</th>
                <td className="num">{fmtNumber(target)}</td>
              </tr>
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
