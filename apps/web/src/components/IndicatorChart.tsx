import { useI18n } from '../i18n';

interface Props {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  measurements: { id: string; value: number; observedOn: string }[];
}

/** A small line chart of an indicator's measurements with its target as a dashed line (hand-made SVG). */
export function IndicatorChart({ name, unit, baseline, target, measurements }: Props) {
  const { t, fmtNumber, fmtDate } = useI18n();
  const points = [...measurements].sort((a, b) => a.observedOn.localeCompare(b.observedOn));
  const values = [baseline, target, ...points.map((p) => p.value)];
  const max = Math.max(...values) * 1.1 || 1;
  const min = Math.min(0, ...values);
  const W = 320;
  const H = 120;
  const pad = 24;
  const x = (i: number, n: number) => pad + (n <= 1 ? (W - 2 * pad) / 2 : (i * (W - 2 * pad)) / (n - 1));
  const y = (v: number) => H - pad - ((v - min) / (max - min)) * (H - 2 * pad);
  const series = [{ value: baseline, observedOn: '' }, ...points];
  const path = series
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i, series.length).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const current = points.length ? points[points.length - 1].value : baseline;
  const summary = t('goals.chartSummary', {
    name,
    current: fmtNumber(current),
    target: fmtNumber(target),
    baseline: fmtNumber(baseline),
    unit,
  });
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <line x1={pad} x2={W - pad} y1={H - pad} y2={H - pad} className="axis" />
        <line x1={pad} x2={W - pad} y1={y(target)} y2={y(target)} className="target" />
        <text x={W - pad} y={y(target) - 4} textAnchor="end" className="label">
          {t('goals.target')} {fmtNumber(target)}
        </text>
        <path d={path} className="series" fill="none" />
        {series.map((p, i) => (
          <circle key={i} cx={x(i, series.length)} cy={y(p.value)} r={3} className="point">
            <title>
              {p.observedOn
                ? `${fmtDate(p.observedOn)}: ${fmtNumber(p.value)} ${unit}`
                : `${t('goals.baseline')}: ${fmtNumber(p.value)} ${unit}`}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
