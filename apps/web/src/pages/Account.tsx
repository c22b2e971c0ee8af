import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ProviderButton, useSignInOptions } from './SignIn';
import { ErrorMessage } from '../errors';
import { PageTitle } from '../ui';
import {
  AcceptInvitationMutation,
  BeginSecondFactorMutation,
  ConfirmSecondFactorMutation,
  RequestPasswordResetMutation,
  ResetPasswordMutation,
} from '../graphql/ops';
import type { SessionFieldsFragment } from '../gql/graphql';
import { stringifyDocument } from 'urql';

/** The token of a mail's link: it travels in the URL fragment, so no server ever logs it. */
function tokenFromHash(): string {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
}

async function call<T>(
  document: Parameters<typeof stringifyDocument>[0],
  variables: Record<string, unknown>,
  token?: string | null,
): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-refresh-cookie': 'only',
      'accept-language': window.document.documentElement.lang || 'de',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: stringifyDocument(document), variables }),
  });
  const body = await res.json();
  if (body.errors?.length) {
    const err = new Error(body.errors[0].message) as Error & { code?: string; graphQLErrors?: unknown };
    err.code = body.errors[0].extensions?.code;
    err.graphQLErrors = body.errors;
    throw err;
  }
  return body.data as T;
}

function Centered({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="signin">
      <PageTitle title={title}>{title}</PageTitle>
      {children}
    </div>
  );
}

function PasswordField({ value, onChange, id }: { value: string; onChange(v: string): void; id: string }) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={id}>{t('reset.password')}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('reset.hint')}
      </p>
    </>
  );
}

export function ForgotPassword() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await call(RequestPasswordResetMutation, { email: email.trim() });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Centered title={t('forgot.title')}>
      <p>{t('forgot.intro')}</p>
      {sent ? (
        <p role="status">{t('forgot.sent')}</p>
      ) : (
        <form onSubmit={submit} className="form">
          <label htmlFor="forgot-email">{t('signin.email')}</label>
          <input
            id="forgot-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          {error ? <ErrorMessage error={error} /> : null}
          <button type="submit" className="primary">
            {t('forgot.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/">{t('signin.back')}</Link>
      </p>
    </Centered>
  );
}

export function ResetPassword() {
  const { t } = useI18n();
  const [token] = useState(tokenFromHash);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await call(ResetPasswordMutation, { token, newPassword: password });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Centered title={t('reset.title')}>
      {done ? (
        <p role="status">{t('reset.done')}</p>
      ) : (
        <form onSubmit={submit} className="form">
          <PasswordField id="reset-password" value={password} onChange={setPassword} />
          {error ? (
            <ErrorMessage error={error} messages={{ BAD_USER_INPUT: 'error.BAD_USER_INPUT' }} />
          ) : null}
          <button type="submit" className="primary">
            {t('reset.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/">{t('signin.back')}</Link>
      </p>
    </Centered>
  );
}

export function AcceptInvitation() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [token] = useState(tokenFromHash);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const d = await call<{ acceptInvitation: SessionFieldsFragment }>(AcceptInvitationMutation, {
        token,
        password,
      });
      await session.adopt(d.acceptInvitation);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    }
  };
  // With an identity provider the invited person may sign in there instead (the only way when
  // passwords are switched off); the invitation is accepted for the provider's verified e-mail.
  const options = useSignInOptions();
  return (
    <Centered title={t('invite.title')}>
      {options.provider && (
        <div className="provider-sign-in">
          <p>{t('invite.providerOnly', { name: options.provider.displayName })}</p>
          <ProviderButton name={options.provider.displayName} href={options.provider.startUrl} />
        </div>
      )}
      {options.password && (
        <>
          <p>{t('invite.intro')}</p>
          <form onSubmit={submit} className="form">
            <PasswordField id="invite-password" value={password} onChange={setPassword} />
            {error ? <ErrorMessage error={error} /> : null}
            <button type="submit" className="primary">
              {t('invite.submit')}
            </button>
          </form>
        </>
      )}
    </Centered>
  );
}

/** Setting up TOTP: scan the QR code, confirm a first code, keep the recovery codes. */
export function SecondFactorSetup() {
  const { t } = useI18n();
  const session = useSession();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrCodeDataUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call<{ beginSecondFactorEnrolment: { secret: string; qrCodeDataUrl: string } }>(
      BeginSecondFactorMutation,
      {},
      session.accessToken(),
    ).then((d) => setEnrolment(d.beginSecondFactorEnrolment), setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const d = await call<{ confirmSecondFactor: string[] }>(
        ConfirmSecondFactorMutation,
        { code: code.trim() },
        session.accessToken(),
      );
      setRecovery(d.confirmSecondFactor);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Centered title={t('totp.title')}>
      {recovery ? (
        <>
          <p>{t('totp.codes')}</p>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {recovery.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => void session.refresh()}>
            {t('totp.continue')}
          </button>
        </>
      ) : (
        <>
          <p>{t('totp.intro')}</p>
          {enrolment && (
            <>
              <img src={enrolment.qrCodeDataUrl} alt={t('totp.qr')} width={240} height={240} />
              <p>
                {t('totp.secret')} <code data-testid="totp-secret">{enrolment.secret}</code>
              </p>
            </>
          )}
          <form onSubmit={submit} className="form">
            <label htmlFor="totp-code">{t('totp.code')}</label>
            <input
              id="totp-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            {error ? <ErrorMessage error={error} messages={{ BAD_USER_INPUT: 'signin.codeWrong' }} /> : null}
            <button type="submit" className="primary">
              {t('totp.submit')}
            </button>
          </form>
        </>
      )}
    </Centered>
  );
}
