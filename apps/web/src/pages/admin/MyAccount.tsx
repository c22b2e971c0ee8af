import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ErrorMessage } from '../../errors';
import { Loading, PageTitle, Section } from '../../ui';
import {
  ChangePasswordMutation,
  MyAccountQuery,
  ResetOwnSecondFactorMutation,
  RevokeSessionMutation,
} from '../../graphql/admin';
import { useDone } from './shared';
import { NotificationPreferences } from '../../components/NotificationPreferences';
import { BusinessContact } from '../../components/BusinessContact';

/** A short name for a User-Agent: browser and system, never the whole string. */
export function deviceName(agent: string | null | undefined, unknown: string): string {
  if (!agent) return unknown;
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Android/.test(agent)
      ? 'Android'
      : /iPhone|iPad/.test(agent)
        ? 'iOS'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(', ') || agent.slice(0, 40);
}

/** Mein Konto: sessions, the second factor, the password. */
export default function MyAccount() {
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const [res, reload] = useQuery({ query: MyAccountQuery });
  const [revoked, revoke] = useMutation(RevokeSessionMutation);
  const [done, setDone] = useDone();
  if (res.fetching && !res.data) return <Loading />;
  const sessions = res.data?.sessions ?? [];
  const me = res.data?.me;
  return (
    <>
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      {res.error && <ErrorMessage error={res.error} />}
      <Section title={t('account.sessions')} id="sessions">
        <p>{t('account.sessionsIntro')}</p>
        <table>
          <caption className="visually-hidden">{t('account.sessions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.device')}</th>
              <th scope="col">{t('account.created')}</th>
              <th scope="col">{t('account.lastUsed')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const device = deviceName(s.device, t('common.unknown'));
              return (
                <tr key={s.id}>
                  <th scope="row">
                    {device}
                    {s.current && <span className="muted"> ({t('account.thisSession')})</span>}
                  </th>
                  <td>{fmtDateTime(s.createdAt)}</td>
                  <td>{fmtDateTime(s.lastUsedAt)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('account.endSession', { device, since: fmtDateTime(s.createdAt) })}
                      disabled={revoked.fetching}
                      onClick={async () => {
                        if (s.current) return void session.signOut();
                        const r = await revoke({ id: s.id });
                        if (r.data) {
                          setDone(t('account.sessionEnded', { device }));
                          reload({ requestPolicy: 'network-only' });
                        }
                      }}
                    >
                      {t('nav.signOut')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {revoked.error && <ErrorMessage error={revoked.error} />}
        {done}
      </Section>
      <SecondFactor
        enabledAt={me?.totpEnabledAt ?? null}
        onDone={() => reload({ requestPolicy: 'network-only' })}
      />
      <ChangePassword />
      <NotificationPreferences />
      <BusinessContact />
    </>
  );
}

function SecondFactor({ enabledAt, onDone }: { enabledAt: string | null; onDone(): void }) {
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const [result, reset] = useMutation(ResetOwnSecondFactorMutation);
  const [code, setCode] = useState('');
  const [done, setDone] = useDone();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await reset({ code: code.trim() });
    if (r.data) {
      setCode('');
      setDone(t('account.secondFactorReset'));
      // Where a role requires a second factor, this session now asks to set it up again.
      await session.refresh();
      onDone();
    }
  };
  return (
    <Section title={t('account.secondFactor')} id="second-factor">
      {enabledAt ? (
        <>
          <p>{t('account.secondFactorOn', { since: fmtDateTime(enabledAt) })}</p>
          <p>{t('account.secondFactorResetIntro')}</p>
          <form className="form" onSubmit={submit}>
            <label htmlFor="reset-code">{t('account.codeOrRecovery')}</label>
            <input
              id="reset-code"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            {result.error && (
              <ErrorMessage error={result.error} messages={{ BAD_USER_INPUT: 'account.codeWrong' }} />
            )}
            <button type="submit" className="danger" disabled={result.fetching}>
              {t('account.resetSecondFactor')}
            </button>
          </form>
        </>
      ) : (
        <p>{t('account.secondFactorOff')}</p>
      )}
      {done}
    </Section>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const [result, change] = useMutation(ChangePasswordMutation);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useDone();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await change({ currentPassword, newPassword });
    if (r.data) {
      setCurrent('');
      setNew('');
      setDone(t('account.passwordChanged'));
    }
  };
  return (
    <Section title={t('account.password')} id="password">
      <form className="form" onSubmit={submit}>
        <label htmlFor="current-password">{t('account.currentPassword')}</label>
        <input
          id="current-password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <label htmlFor="new-password">{t('reset.password')}</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-describedby="new-password-hint"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        <p className="hint" id="new-password-hint">
          {t('reset.hint')}
        </p>
        {result.error && <ErrorMessage error={result.error} />}
        <button type="submit" className="primary" disabled={result.fetching}>
          {t('account.changePassword')}
        </button>
      </form>
      {done}
    </Section>
  );
}
