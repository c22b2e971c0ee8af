/** Texts of retries and interrupted live updates: [German, English]. */
export const RESILIENCE_MESSAGES: Record<string, [string, string]> = {
  'retry.sending': [
    'Der Dienst ist kurz nicht erreichbar. Ihre Änderung wird in {seconds} Sekunden erneut gesendet (Versuch {attempt} von {max}); sie wird nur einmal gespeichert. Bitte lassen Sie die Seite geöffnet.',
    'The service is briefly unavailable. Your change will be sent again in {seconds} seconds (attempt {attempt} of {max}); it is saved only once. Please keep this page open.',
  ],
  'live.interrupted': [
    'Die Live-Aktualisierung war unterbrochen. Die Verbindung wird wiederhergestellt; danach wird die Anzeige neu geladen.',
    'Live updates were interrupted. The connection is being restored; the page then reloads its data.',
  ],
  'error.IDEMPOTENCY_KEY_REUSED': [
    'Diese Übermittlung passt nicht zur vorigen. Bitte senden Sie das Formular erneut ab.',
    'This submission does not match the earlier one. Please submit the form again.',
  ],
  'error.ALREADY_APPLIED': [
    'Ihre Änderung wurde bereits gespeichert, nur die Bestätigung ging verloren. Bitte laden Sie die Seite neu, um das Ergebnis zu sehen.',
    'Your change was already saved; only the confirmation was lost. Please reload the page to see the result.',
  ],
};
