import { useI18n } from '../i18n';

interface Props {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  from: string;
  to: string;
  measurements: { observedOn: string; value: number }[];
}

/**
 * An indicator over the report's period: time on the x axis (period start to end), values on the
 * y axis with ticks, baseline and target as dashed lines; a data table follows as its text alternative.
 */
export function ReportChart({ name, unit, baseline, target, from, to, measurements }: Props) {
  const { t, fmtNumber, fmtDate } = useI18n();
  const W = 560;
  const H = 200;
  const left = 56;
  const right = 16;
  const top = 12;
  const bottom = 32;
  const values = [baseline, target, ...measurements.map((m) => m.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values) === lo ? lo + 1 : Math.max(...values);
  const t0 = Date.parse(from);
  const t1 = Math.max(Date.parse(to), t0 + 1);
  const x = (day: string) => left + ((Date.parse(day) - t0) / (t1 - t0)) * (W - left - right);
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * (H - top - bottom);
  const ticks = [lo, lo + (hi - lo) / 2, hi];
  const path = measurements
    .map((m, i) => `${i ? 'L' : 'M'}${x(m.observedOn).toFixed(1)},${y(m.value).toFixed(1)}`)
    .join(' ');
  const latest = measurements.length ? measurements[measurements.length - 1].value : null;
  const summary = t('report.chart', {
    name,
    count: String(measurements.length),
    latest: latest === null ? '–' : fmtNumber(latest),
    unit,
    baseline: fmtNumber(baseline),
    target: fmtNumber(target),
  });
  return (
    <figure className="chart report-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <line x1={left} x2={left} y1={top} y2={H - bottom} className="axis" />
        <line x1={left} x2={W - right} y1={H - bottom} y2={H - bottom} className="axis" />
        {ticks.map((v) => (
          <text key={v} x={left - 6} y={y(v) + 4} textAnchor="end" className="label">
            {fmtNumber(v)}
          </text>
        ))}
        <text x={left} y={H - 10} className="label">
          {fmtDate(from)}
        </text>
        <text x={W - right} y={H - 10} textAnchor="end" className="label">
          {fmtDate(to)}
        </text>
        <line x1={left} x2={W - right} y1={y(baseline)} y2={y(baseline)} className="baseline" />
        <line x1={left} x2={W - right} y1={y(target)} y2={y(target)} className="target" />
        <text x={W - right} y={y(target) - 4} textAnchor="end" className="label">
          {t('report.target')} {fmtNumber(target)}
        </text>
        {path && <path d={path} className="series" fill="none" />}
        {measurements.map((m) => (
          <circle key={m.observedOn + m.value} cx={x(m.observedOn)} cy={y(m.value)} r={3.5} className="point">
            <title>{`${fmtDate(m.observedOn)}: ${fmtNumber(m.value)} ${unit}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
