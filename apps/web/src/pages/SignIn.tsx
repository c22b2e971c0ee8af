import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ErrorMessage } from '../errors';
import { PageTitle } from '../ui';
import { SignInOptionsQuery } from '../graphql/sign-in';

/** Results of the identity provider's way back that the page explains as a sentence. */
const PROVIDER_REFUSALS = new Set([
  'unknown',
  'unverified',
  'deactivated',
  'invitation',
  'expired',
  'state',
  'cancelled',
  'failed',
  'unavailable',
]);

/** The ways this deployment offers (signInOptions); password only until they are known. */
export function useSignInOptions() {
  const [{ data }] = useQuery({ query: SignInOptionsQuery, variables: {} });
  return {
    password: data?.signInOptions.password ?? true,
    provider: data?.signInOptions.identityProvider ?? null,
  };
}

/** "Mit <Name> anmelden": a plain link, the browser goes to the identity provider and back. */
export function ProviderButton({ name, href }: { name: string; href: string }) {
  const { t } = useI18n();
  return (
    <a className="button primary provider-button" href={href}>
      {t('oidc.button', { name })}
    </a>
  );
}

export function SignIn() {
  const { t } = useI18n();
  const session = useSession();
  const { password: passwordOffered, provider } = useSignInOptions();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [providerCode, setProviderCode] = useState(session.providerResult === 'second-factor');
  const name = provider?.displayName ?? t('oidc.fallbackName');
  const refusal =
    session.providerResult && PROVIDER_REFUSALS.has(session.providerResult) ? session.providerResult : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email.trim(), password, needsCode ? code.trim() : undefined);
    } catch (err) {
      if ((err as { code?: string }).code === 'SECOND_FACTOR_REQUIRED') {
        setNeedsCode(true);
        setError(needsCode ? err : null);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const submitProviderCode = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.completeSignIn(code.trim());
    } catch (err) {
      // The pending sign-in has expired: start again at the provider.
      if ((err as { message?: string }).message?.includes('expired')) setProviderCode(false);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (providerCode) {
    return (
      <div className="signin">
        <PageTitle title={t('signin.title')}>{t('signin.title')}</PageTitle>
        <p role="status">{t('oidc.codeIntro', { name })}</p>
        <form onSubmit={submitProviderCode} className="form">
          <label htmlFor="code">{t('signin.code')}</label>
          <input
            id="code"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          {error ? <ErrorMessage error={error} messages={{ UNAUTHENTICATED: 'signin.codeWrong' }} /> : null}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.wait') : t('oidc.codeSubmit')}
          </button>
        </form>
      </div>
    );
  }

  return (
    <div className="signin">
      <PageTitle title={t('signin.title')}>{t('signin.title')}</PageTitle>
      {session.expired && (
        <p className="alert" role="status">
          {t('signin.expired')}
        </p>
      )}
      {refusal && (
        <div className="alert" role="alert" data-code={refusal}>
          <p>{t(`oidc.${refusal}`, { name })}</p>
        </div>
      )}
      {provider && (
        <div className="provider-sign-in">
          {!passwordOffered && <p>{t('oidc.only', { name })}</p>}
          <ProviderButton name={provider.displayName} href={provider.startUrl} />
        </div>
      )}
      {passwordOffered && (
        <>
          {provider ? <h2 className="signin-or">{t('oidc.or')}</h2> : null}
          <p>{t('signin.intro')}</p>
          <form onSubmit={submit} className="form">
            <label htmlFor="email">{t('signin.email')}</label>
            <input
              id="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <label htmlFor="password">{t('signin.password')}</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {needsCode && (
              <>
                <p role="status">{t('signin.codeNeeded')}</p>
                <label htmlFor="code">{t('signin.code')}</label>
                <input
                  id="code"
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              </>
            )}
            {error ? (
              <ErrorMessage
                error={error}
                messages={{ UNAUTHENTICATED: needsCode ? 'signin.codeWrong' : 'signin.failed' }}
              />
            ) : null}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('common.wait') : t('signin.submit')}
            </button>
          </form>
          <p>
            <Link to="/passwort-vergessen">{t('signin.forgot')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
