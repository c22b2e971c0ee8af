import { useI18n } from '../../i18n';

interface PartnerOption {
  id: string;
  organisation: { id: string; name: string };
}

interface Props {
  idPrefix: string;
  /** Partners that may contribute (the active ones, and those already on the task). */
  partners: PartnerOption[];
  leadPartnerId: string;
  contributing: string[];
  onContributing(ids: string[]): void;
  goals: { id: string; title: string }[];
  goalId: string;
  onGoalId(id: string): void;
}

/** Contributing partners and the goal of a task: the same fields when creating and when editing one. */
export function TaskPartnerGoalFields({
  idPrefix,
  partners,
  leadPartnerId,
  contributing,
  onContributing,
  goals,
  goalId,
  onGoalId,
}: Props) {
  const { t } = useI18n();
  const others = partners.filter((p) => p.id !== leadPartnerId);
  const toggle = (id: string) =>
    onContributing(contributing.includes(id) ? contributing.filter((c) => c !== id) : [...contributing, id]);
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-goal`}>{t('tasks.goal')}</label>
        <select id={`${idPrefix}-goal`} value={goalId} onChange={(e) => onGoalId(e.target.value)}>
          <option value="">{t('tasks.noGoal')}</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="wide">
        <legend>{t('tasks.contributing')}</legend>
        <div className="checks">
          {others.map((p) => (
            <div className="checkbox" key={p.id}>
              <input
                id={`${idPrefix}-contrib-${p.id}`}
                type="checkbox"
                checked={contributing.includes(p.id)}
                onChange={() => toggle(p.id)}
              />
              <label htmlFor={`${idPrefix}-contrib-${p.id}`}>{p.organisation.name}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </>
  );
}
