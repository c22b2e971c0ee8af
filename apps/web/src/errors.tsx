import type { CombinedError } from 'urql';
import { useI18n } from './i18n';

interface ApiError {
  message: string;
  extensions?: {
    code?: string;
    /** A more precise cause within the code, e.g. ACCOUNT_DEACTIVATED. */
    reason?: string;
    /** `rule`: a stable code of the broken rule (see messages-rules.ts). */
    fields?: { path: string; message: string; rule?: string }[];
    correlationId?: string;
  };
}

/** The API errors of a failed request: urql's CombinedError or the session helper's Error. */
function apiErrors(error: unknown): { errors: ApiError[]; network: boolean } {
  const e = error as CombinedError & { graphQLErrors?: ApiError[]; code?: string };
  if (e?.graphQLErrors?.length) return { errors: e.graphQLErrors as ApiError[], network: false };
  if (e?.code) return { errors: [{ message: e.message, extensions: { code: e.code } }], network: false };
  return { errors: [], network: true };
}

const KNOWN = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'CONSENT_REQUIRED',
  'RATE_LIMITED',
  'SECOND_FACTOR_REQUIRED',
  'PASSWORD_SIGN_IN_DISABLED',
  'UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'ALREADY_APPLIED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

/** A plain-language message for every error code of the API (contract header), with field hints. */
export function ErrorMessage({ error, messages }: { error: unknown; messages?: Record<string, string> }) {
  const { t } = useI18n();
  if (!error) return null;
  const { errors, network } = apiErrors(error);
  if (network) {
    return (
      <div className="alert" role="alert">
        {t('error.NETWORK')}
      </div>
    );
  }
  const first = errors[0];
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const fields = errors.flatMap((e) => e.extensions?.fields ?? []);
  const correlationId = errors.find((e) => e.extensions?.correlationId)?.extensions?.correlationId;
  // A known reason says more than the code (and more than a screen's text for the code).
  const reason = first.extensions?.reason ? `error.reason.${first.extensions.reason}` : null;
  const key =
    reason && t(reason) !== reason
      ? reason
      : (messages?.[code] ?? (KNOWN.has(code) ? `error.${code}` : 'error.INTERNAL_SERVER_ERROR'));
  return (
    <div className="alert" role="alert" data-code={code}>
      <p>{t(key)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.path}>
              {ruleText(t, f.rule)
                ? t('error.fieldRule', { field: fieldLabel(t, f.path), rule: ruleText(t, f.rule)! })
                : t('error.field', { field: fieldLabel(t, f.path) })}
              {/* Password feedback comes from the API in the request's language. */}
              {/password/i.test(f.path) ? ` – ${f.message}` : null}
            </li>
          ))}
        </ul>
      )}
      {correlationId && <p className="muted">{t('error.correlation', { id: correlationId })}</p>}
    </div>
  );
}

/** The sentence of a rule code that says how to put it right; null for an unknown code. */
function ruleText(t: (k: string) => string, rule: string | undefined): string | null {
  if (!rule) return null;
  const key = `rule.${rule}`;
  const text = t(key);
  return text === key ? null : text;
}

/**
 * The sentence for a refused field whose path ends with `field` (e.g. "blockedById" or
 * "input.title"), or null: for showing the refusal next to the field itself.
 */
export function useFieldError(error: unknown, field: string): string | null {
  const { t } = useI18n();
  if (!error) return null;
  const hit = apiErrors(error)
    .errors.flatMap((e) => e.extensions?.fields ?? [])
    .find((f) => f.path === field || f.path.endsWith(`.${field}`));
  return hit ? (ruleText(t, hit.rule) ?? t('rule.INVALID')) : null;
}

/** A refusal shown beside its field; give the field `aria-describedby={id}` while it is shown. */
export function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

function fieldLabel(t: (k: string) => string, path: string): string {
  const last = path.split('.').pop() ?? path;
  const key = `field.${last}`;
  const label = t(key);
  return label === key ? path : label;
}
