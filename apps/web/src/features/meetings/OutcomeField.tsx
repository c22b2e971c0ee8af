import { useI18n } from '../../i18n';
import type { DecisionOutcome } from '../../gql/graphql';

const OUTCOMES: DecisionOutcome[] = ['ADOPTED', 'REJECTED', 'DEFERRED'];

/** The outcome of a decision, as recorded or corrected. */
export function OutcomeField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: DecisionOutcome;
  onChange(outcome: DecisionOutcome): void;
}) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor={id}>{t('meetings.outcome')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as DecisionOutcome)}>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`enum.DecisionOutcome.${o}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
