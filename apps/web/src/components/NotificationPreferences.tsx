import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n';
import { ErrorMessage } from '../errors';
import { Loading, Section } from '../ui';
import type { NotificationDelivery, NotificationKind } from '../gql/graphql';
import { NotificationPreferencesQuery, SetNotificationPreferenceMutation } from '../graphql/notifications';

const DELIVERIES: NotificationDelivery[] = ['IMMEDIATE', 'DIGEST', 'OFF'];

/** Mein Konto: the e-mail delivery of each kind of notification. */
export function NotificationPreferences() {
  const { t, lang } = useI18n();
  const [res] = useQuery({ query: NotificationPreferencesQuery, variables: { language: lang } });
  const [saved, save] = useMutation(SetNotificationPreferenceMutation);
  const [status, setStatus] = useState('');
  const [chosen, setChosen] = useState<Record<string, NotificationDelivery>>({});
  const prefs = res.data?.notificationPreferences ?? [];
  // Choosing only changes the draft (arrow keys move through the list); "Speichern" saves it.
  const [savedAs, setSavedAs] = useState<Record<string, NotificationDelivery>>({});
  const change = async (kind: NotificationKind, label: string, delivery: NotificationDelivery) => {
    const r = await save({ kind, delivery });
    if (!r.error) {
      setSavedAs((c) => ({ ...c, [kind]: delivery }));
      setStatus(t('notifications.saved', { kind: label, delivery: t(`notifications.delivery.${delivery}`) }));
    }
  };
  return (
    <Section title={t('notifications.preferences')} id="notification-preferences">
      <p>{t('notifications.preferencesIntro')}</p>
      {res.fetching && !res.data && <Loading />}
      {res.error && <ErrorMessage error={res.error} />}
      {saved.error && <ErrorMessage error={saved.error} />}
      <p className="status" role="status" data-testid="preferences-status">
        {status}
      </p>
      <table>
        <caption className="visually-hidden">{t('notifications.preferences')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notifications.kind')}</th>
            <th scope="col">{t('notifications.delivery')}</th>
          </tr>
        </thead>
        <tbody>
          {prefs.map((p) => {
            const id = `pref-${p.kind}`;
            return (
              <tr key={p.kind}>
                <th scope="row">
                  <label htmlFor={id}>{p.label}</label>
                </th>
                <td className="form inline">
                  <select
                    id={id}
                    data-testid={id}
                    value={chosen[p.kind] ?? p.delivery}
                    onChange={(e) =>
                      setChosen((c) => ({ ...c, [p.kind]: e.target.value as NotificationDelivery }))
                    }
                  >
                    {DELIVERIES.map((d) => (
                      <option key={d} value={d}>
                        {t(`notifications.delivery.${d}`)}
                        {d === p.defaultDelivery ? ` (${t('notifications.default')})` : ''}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    disabled={
                      saved.fetching || (chosen[p.kind] ?? p.delivery) === (savedAs[p.kind] ?? p.delivery)
                    }
                    onClick={() => void change(p.kind, p.label, chosen[p.kind] ?? p.delivery)}
                  >
                    {t('common.save')}
                    <span className="visually-hidden">: {p.label}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
