import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ErrorMessage } from '../errors';
import { PageTitle } from '../ui';

export function SignIn() {
  const { t } = useI18n();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

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

  return (
    <div className="signin">
      <PageTitle title={t('signin.title')}>{t('signin.title')}</PageTitle>
      {session.expired && (
        <p className="alert" role="status">
          {t('signin.expired')}
        </p>
      )}
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
    </div>
  );
}
