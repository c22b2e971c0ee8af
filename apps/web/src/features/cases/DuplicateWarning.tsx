import { Link } from 'react-router';
import { useI18n } from '../../i18n';

/** The duplicate check's warning: the organisation's other open cases of the same person, linked. */
export function DuplicateWarning({ cases }: { cases: { id: string; reference: string }[] }) {
  const { t } = useI18n();
  if (!cases.length) return null;
  return (
    <div className="notice" role="note" data-testid="duplicate-warning">
      <p>{t('caseRules.duplicates', { count: cases.length })}</p>
      <ul>
        {cases.map((d) => (
          <li key={d.id}>
            <Link to={`/faelle/${d.id}`}>{t('cases.caseTitle', { reference: d.reference })}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
