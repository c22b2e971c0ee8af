import { useI18n } from '../i18n';

export interface InvitablePartner {
  id: string;
  status: string;
  organisation: { name: string };
}

/**
 * Which partners a meeting invites (a working group invites a few): one checkbox each, active
 * partners first, prospective ones after them. Quorum is counted over those invited.
 */
export function InviteesField({
  idPrefix,
  partners,
  selected,
  onChange,
  locked = [],
}: {
  idPrefix: string;
  partners: InvitablePartner[];
  selected: string[];
  onChange(ids: string[]): void;
  /** Partners whose attendance is recorded: they stay invited. */
  locked?: string[];
}) {
  const { t } = useI18n();
  const invitable = partners
    .filter((p) => p.status === 'ACTIVE' || p.status === 'PROSPECTIVE')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'ACTIVE' ? -1 : 1));
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="wide invitees" aria-describedby={`${idPrefix}-invitees-hint`}>
      <legend>{t('meetings.invitees')}</legend>
      <p className="hint" id={`${idPrefix}-invitees-hint`}>
        {t('meetings.inviteesHint', { count: selected.length })}
      </p>
      <div className="actions">
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onChange([
              ...new Set([...selected, ...invitable.filter((p) => p.status === 'ACTIVE').map((p) => p.id)]),
            ])
          }
        >
          {t('meetings.inviteAllActive')}
        </button>
        <button type="button" className="link-button" onClick={() => onChange([...locked])}>
          {t('meetings.inviteNone')}
        </button>
      </div>
      <ul className="checklist">
        {invitable.map((p) => (
          <li key={p.id} className="checkbox">
            <input
              id={`${idPrefix}-inv-${p.id}`}
              type="checkbox"
              checked={selected.includes(p.id)}
              disabled={locked.includes(p.id)}
              onChange={(e) => toggle(p.id, e.target.checked)}
            />
            <label htmlFor={`${idPrefix}-inv-${p.id}`}>
              {p.organisation.name}
              {p.status === 'PROSPECTIVE' && <> ({t('meetings.prospective')})</>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
