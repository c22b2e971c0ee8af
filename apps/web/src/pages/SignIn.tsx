import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ErrorMessage } from '../errors';
import { PageTitle } from '../ui';

export function SignIn() {
  const { t } = useI18n();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email.trim(), password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <PageTitle title={t('signin.title')}>{t('signin.title')}</PageTitle>
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
        {error ? <ErrorMessage error={error} messages={{ UNAUTHENTICATED: 'signin.failed' }} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.wait') : t('signin.submit')}
        </button>
      </form>
    </div>
  );
}
