import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/**
 * The alliance to work in, for people in several: choosing in the list changes nothing yet; the
 * explicit "Wechseln" changes the whole portal (a change of context only on request).
 */
export function AllianceSwitch() {
  const { t } = useI18n();
  const session = useSession();
  const [chosen, setChosen] = useState(session.allianceId ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen && chosen !== session.allianceId) session.selectAlliance(chosen);
  };
  return (
    <form className="alliance-switch" onSubmit={submit}>
      <select
        className="alliance-select"
        aria-label={t('alliance.choose')}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      >
        {session.user!.memberships.map((m) => (
          <option key={m.alliance.id} value={m.alliance.id}>
            {m.alliance.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={chosen === session.allianceId}>
        {t('alliance.switch')}
      </button>
    </form>
  );
}
