import { type AppConfig, DomainError, ErrorCode } from '../../../core/src/index.js';

/**
 * PASSWORD_SIGN_IN=false: every way in by password (sign-in, setting one through an invitation or
 * a reset link) is refused with PASSWORD_SIGN_IN_DISABLED; the identity provider signs people in.
 */
export function assertPasswordSignIn(config: AppConfig): void {
  if (config.people.passwordSignIn) return;
  const name = config.people.oidc?.displayName ?? 'the identity provider';
  throw new DomainError(
    ErrorCode.PASSWORD_SIGN_IN_DISABLED,
    `Sign-in with a password is switched off here; please sign in with ${name}`,
  );
}
