/** Texts of signing in through the identity provider: [German, English]. */
export const SIGN_IN_MESSAGES: Record<string, [string, string]> = {
  'oidc.button': ['Mit {name} anmelden', 'Sign in with {name}'],
  'oidc.fallbackName': ['Anmeldedienst', 'the sign-in service'],
  'oidc.or': ['oder mit Passwort', 'or with a password'],
  'oidc.only': [
    'Sie melden sich über {name} an, das Konto Ihrer Verwaltung.',
    'You sign in through {name}, the account of your administration.',
  ],
  'oidc.codeIntro': [
    'Sie sind bei {name} angemeldet. Bitte geben Sie noch den aktuellen Code Ihrer Authenticator-App ein.',
    'You are signed in at {name}. Please also enter the current code of your authenticator app.',
  ],
  'oidc.codeSubmit': ['Code bestätigen', 'Confirm code'],
  'oidc.unknown': [
    'Für die E-Mail-Adresse Ihres Kontos bei {name} gibt es hier kein Konto. Bitte bitten Sie die Bündnisverwaltung um eine Einladung an diese Adresse.',
    'There is no account here for the e-mail address of your {name} account. Please ask the alliance administration to invite that address.',
  ],
  'oidc.unverified': [
    '{name} hat Ihre E-Mail-Adresse nicht als bestätigt gemeldet. Bitte bestätigen Sie die Adresse dort (oder wenden Sie sich an Ihre IT) und melden Sie sich erneut an.',
    '{name} did not report your e-mail address as verified. Please verify the address there (or ask your IT) and sign in again.',
  ],
  'oidc.deactivated': [
    'Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Bündnisverwaltung.',
    'Your account is deactivated. Please contact the alliance administration.',
  ],
  'oidc.invitation': [
    'Ihre Einladung ist abgelaufen oder wurde zurückgezogen. Bitte bitten Sie die Bündnisverwaltung um eine neue Einladung.',
    'Your invitation has expired or was withdrawn. Please ask the alliance administration for a new one.',
  ],
  'oidc.expired': [
    'Die Anmeldung hat zu lange gedauert oder wurde in einem anderen Browser begonnen. Bitte melden Sie sich erneut an.',
    'Signing in took too long or was started in another browser. Please sign in again.',
  ],
  'oidc.state': [
    'Die Antwort von {name} passte nicht zu dieser Anmeldung und wurde abgelehnt. Bitte melden Sie sich erneut an.',
    'The answer from {name} did not match this sign-in and was refused. Please sign in again.',
  ],
  'oidc.cancelled': [
    'Die Anmeldung bei {name} wurde abgebrochen. Bitte versuchen Sie es erneut.',
    'Signing in at {name} was cancelled. Please try again.',
  ],
  'oidc.failed': [
    'Die Anmeldung über {name} ist fehlgeschlagen. Bitte versuchen Sie es erneut; wenn es wieder nicht klappt, wenden Sie sich an Ihre IT.',
    'Signing in through {name} failed. Please try again; if it fails again, contact your IT.',
  ],
  'oidc.unavailable': [
    '{name} ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
    '{name} cannot be reached right now. Please try again in a few minutes.',
  ],
  'error.PASSWORD_SIGN_IN_DISABLED': [
    'Die Anmeldung mit Passwort ist hier abgeschaltet. Bitte melden Sie sich über das Konto Ihrer Verwaltung an.',
    'Signing in with a password is switched off here. Please sign in with the account of your administration.',
  ],
  'invite.providerOnly': [
    'Sie brauchen hier kein Passwort: Melden Sie sich mit {name} an, mit derselben E-Mail-Adresse, an die die Einladung ging.',
    'You need no password here: sign in with {name}, using the e-mail address the invitation was sent to.',
  ],
};
