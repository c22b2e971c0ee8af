import { REPORT_MESSAGES } from './messages-report.js';
import { LEGAL_MESSAGES } from './messages-legal.js';
import { SIGN_IN_MESSAGES } from './messages-sign-in.js';
import { ADMIN_MESSAGES } from './messages-admin.js';
import { NOTIFICATION_MESSAGES } from './messages-notifications.js';
import { RESILIENCE_MESSAGES } from './messages-resilience.js';
import { REFUSED_FIELD_LABELS, RULE_MESSAGES } from './messages-rules.js';
import { TASK_MESSAGES } from './messages-tasks.js';
import { MEETING_MESSAGES } from './messages-meetings.js';
import { MEETING_RECORD_MESSAGES } from './messages-meeting-record.js';
import { CASE_MESSAGES } from './messages-cases.js';
import { CASE_RULE_MESSAGES } from './messages-case-rules.js';
import { ENUM_MESSAGES } from './messages-enums.js';
import { CONSENT_PAPER_MESSAGES } from './messages-consent-paper.js';

/** UI texts: [German, English]. German is the default; keep both in plain language. */
export const MESSAGES: Record<string, [string, string]> = {
  ...REPORT_MESSAGES,
  ...LEGAL_MESSAGES,
  ...SIGN_IN_MESSAGES,
  ...RULE_MESSAGES,
  ...REFUSED_FIELD_LABELS,
  ...ADMIN_MESSAGES,
  ...NOTIFICATION_MESSAGES,
  ...RESILIENCE_MESSAGES,
  ...TASK_MESSAGES,
  ...MEETING_MESSAGES,
  ...MEETING_RECORD_MESSAGES,
  ...CASE_MESSAGES,
  ...CASE_RULE_MESSAGES,
  ...ENUM_MESSAGES,
  ...CONSENT_PAPER_MESSAGES,
  'app.name': ['Bündnisportal', 'Alliance portal'],
  'lang.switch': ['English', 'Deutsch'],
  'lang.de': ['Deutsch', 'German'],
  'lang.en': ['Englisch', 'English'],
  'lang.ar': ['Arabisch', 'Arabic'],
  'lang.uk': ['Ukrainisch', 'Ukrainian'],
  'lang.ru': ['Russisch', 'Russian'],
  'lang.tr': ['Türkisch', 'Turkish'],
  'lang.fa': ['Persisch (Farsi/Dari)', 'Persian (Farsi/Dari)'],
  'lang.ps': ['Paschtu', 'Pashto'],
  'lang.ku': ['Kurdisch', 'Kurdish'],
  'lang.ti': ['Tigrinya', 'Tigrinya'],
  'lang.so': ['Somali', 'Somali'],
  'lang.fr': ['Französisch', 'French'],
  'lang.ro': ['Rumänisch', 'Romanian'],
  'lang.bg': ['Bulgarisch', 'Bulgarian'],
  'lang.pl': ['Polnisch', 'Polish'],
  'lang.sq': ['Albanisch', 'Albanian'],
  'lang.sr': ['Serbisch', 'Serbian'],
  'lang.es': ['Spanisch', 'Spanish'],
  'lang.it': ['Italienisch', 'Italian'],
  'lang.ur': ['Urdu', 'Urdu'],

  'nav.skip': ['Zum Inhalt springen', 'Skip to content'],
  'nav.label': ['Hauptnavigation', 'Main navigation'],
  'nav.dashboard': ['Übersicht', 'Overview'],
  'nav.alliance': ['Bündnis', 'Alliance'],
  'nav.goals': ['Ziele', 'Goals'],
  'nav.tasks': ['Aufgaben', 'Tasks'],
  'nav.meetings': ['Sitzungen', 'Meetings'],
  'nav.cases': ['Fälle', 'Cases'],
  'nav.signOut': ['Abmelden', 'Sign out'],

  'common.loading': ['Wird geladen …', 'Loading …'],
  'common.wait': ['Bitte warten …', 'Please wait …'],
  'common.all': ['Alle', 'All'],
  'common.add': ['Hinzufügen', 'Add'],
  'common.cancel': ['Abbrechen', 'Cancel'],
  'common.choose': ['Bitte wählen', 'Please choose'],
  'common.notFound': [
    'Nicht gefunden – oder Sie haben keinen Zugriff darauf.',
    'Not found – or you have no access to it.',
  ],
  'common.unknown': ['Unbekannt', 'Unknown'],

  'error.NETWORK': [
    'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    'The server cannot be reached right now. Please check your connection and try again.',
  ],
  'error.UNAUTHENTICATED': [
    'Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    'You are not signed in or your session has expired. Please sign in again.',
  ],
  'error.FORBIDDEN': [
    'Dafür fehlt Ihnen die Berechtigung in diesem Bündnis.',
    'You do not have permission for this in this alliance.',
  ],
  'error.NOT_FOUND': [
    'Der Eintrag wurde nicht gefunden – oder Sie haben keinen Zugriff darauf.',
    'The entry was not found – or you have no access to it.',
  ],
  'error.BAD_USER_INPUT': ['Bitte prüfen Sie Ihre Eingaben.', 'Please check your input.'],
  'error.CONFLICT': [
    'Das geht im aktuellen Zustand nicht, oder jemand anderes hat den Eintrag inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie den Stand.',
    'This is not possible in the current state, or someone else changed the entry meanwhile. Please reload the page and check.',
  ],
  'error.CONSENT_REQUIRED': [
    'Dafür liegt keine gültige Einwilligung vor: Die Einwilligung muss die empfangende Stelle und alle gewählten Datenkategorien nennen und aktiv sein.',
    'There is no valid consent for this: the consent must name the receiving organisation and every chosen data category, and be active.',
  ],
  'error.RATE_LIMITED': [
    'Zu viele Versuche. Bitte warten Sie einen Moment.',
    'Too many attempts. Please wait a moment.',
  ],
  'error.UNAVAILABLE': [
    'Der Dienst ist gerade kurz nicht erreichbar (Wartung oder Störung). Bitte versuchen Sie es in einigen Sekunden erneut; Ihre Eingaben bleiben erhalten.',
    'The service is briefly unavailable (maintenance or a fault). Please try again in a few seconds; your input is kept.',
  ],
  'error.INTERNAL_SERVER_ERROR': [
    'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
    'An unexpected error occurred. Please try again later.',
  ],
  'error.GRAPHQL_PARSE_FAILED': [
    'Die Anfrage war fehlerhaft (technischer Fehler der Anwendung).',
    'The request was malformed (a technical error of the application).',
  ],
  'error.GRAPHQL_VALIDATION_FAILED': [
    'Die Anfrage wurde abgelehnt (technischer Fehler der Anwendung oder zu große Anfrage).',
    'The request was refused (a technical error of the application or too large a request).',
  ],
  'error.BAD_REQUEST': ['Die Anfrage war ungültig.', 'The request was invalid.'],
  'error.field': ['Bitte prüfen: {field}', 'Please check: {field}'],
  'error.fieldRule': ['{field}: {rule}', '{field}: {rule}'],
  'error.correlation': ['Fehlernummer für den Support: {id}', 'Error number for support: {id}'],

  'field.title': ['Titel', 'Title'],
  'field.description': ['Beschreibung', 'Description'],
  'field.status': ['Status', 'Status'],
  'field.priority': ['Priorität', 'Priority'],
  'field.dueOn': ['Fällig am', 'Due on'],
  'field.note': ['Notiz', 'Note'],
  'field.givenName': ['Vorname', 'Given name'],
  'field.familyName': ['Nachname', 'Family name'],
  'field.dateOfBirth': ['Geburtsdatum', 'Date of birth'],
  'field.phone': ['Telefon', 'Phone'],
  'field.email': ['E-Mail', 'E-mail'],
  'field.address': ['Anschrift', 'Address'],
  'field.germanLevel': ['Deutschkenntnisse (GER)', 'German level (CEFR)'],
  'field.otherLanguages': ['Weitere Sprachen (mit Komma getrennt)', 'Other languages (comma separated)'],
  'field.residenceStatus': ['Aufenthaltsstatus', 'Residence status'],
  'field.permitValidUntil': ['Aufenthaltstitel gültig bis', 'Permit valid until'],
  'field.qualifications': ['Abschlüsse (mit Komma getrennt)', 'Qualifications (comma separated)'],
  'field.recognitionStatus': ['Anerkennung', 'Recognition'],
  'field.jobWishes': ['Berufswünsche (mit Komma getrennt)', 'Job wishes (comma separated)'],
  'field.housingSituation': ['Wohnsituation', 'Housing situation'],
  'field.householdSize': ['Personen im Haushalt', 'Household size'],
  'field.childrenCount': ['Kinder', 'Children'],
  'view.otherLanguages': ['Weitere Sprachen', 'Other languages'],
  'view.qualifications': ['Abschlüsse', 'Qualifications'],
  'view.jobWishes': ['Berufswünsche', 'Job wishes'],
  'field.healthNote': ['Gesundheit (Notiz)', 'Health (note)'],
  'field.password': ['Passwort', 'Password'],
  'field.purpose': ['Zweck', 'Purpose'],
  'field.categories': ['Datenkategorien', 'Data categories'],
  'field.recipientIds': ['Empfangende Stellen', 'Recipients'],
  'field.reason': ['Begründung', 'Reason'],
  'field.text': ['Text', 'Text'],
  'field.startsAt': ['Beginn', 'Start'],
  'field.endsAt': ['Ende', 'End'],

  'signin.title': ['Anmelden', 'Sign in'],
  'signin.intro': [
    'Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse an.',
    'Sign in with your work e-mail address.',
  ],
  'signin.email': ['E-Mail-Adresse', 'E-mail address'],
  'signin.password': ['Passwort', 'Password'],
  'signin.submit': ['Anmelden', 'Sign in'],
  'signin.failed': [
    'E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.',
    'E-mail address or password is not correct. Please check your input.',
  ],

  'signin.expired': [
    'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an; danach geht es dort weiter, wo Sie waren.',
    'Your session has expired. Please sign in again; you will return to where you were.',
  ],
  'signin.code': [
    'Code aus der Authenticator-App (oder ein Wiederherstellungscode)',
    'Code from your authenticator app (or a recovery code)',
  ],
  'signin.codeNeeded': [
    'Bitte geben Sie zusätzlich den aktuellen Code Ihrer Authenticator-App ein.',
    'Please also enter the current code of your authenticator app.',
  ],
  'signin.codeWrong': [
    'Der Code stimmt nicht. Bitte geben Sie den aktuellen Code Ihrer App ein.',
    'The code is not correct. Please enter the current code of your app.',
  ],
  'signin.forgot': ['Passwort vergessen?', 'Forgotten your password?'],
  'signin.back': ['Zurück zur Anmeldung', 'Back to sign-in'],
  'forgot.title': ['Passwort vergessen', 'Forgotten password'],
  'forgot.intro': [
    'Geben Sie Ihre dienstliche E-Mail-Adresse ein. Wenn es dazu ein Konto gibt, senden wir Ihnen einen Link, mit dem Sie ein neues Passwort festlegen (gültig eine Stunde).',
    'Enter your work e-mail address. If there is an account for it, we send you a link to set a new password (valid for one hour).',
  ],
  'forgot.submit': ['Link anfordern', 'Request link'],
  'forgot.sent': [
    'Wenn es ein Konto mit dieser Adresse gibt, ist der Link unterwegs. Bitte sehen Sie in Ihr Postfach.',
    'If there is an account with this address, the link is on its way. Please check your inbox.',
  ],
  'reset.title': ['Neues Passwort festlegen', 'Set a new password'],
  'reset.password': ['Neues Passwort', 'New password'],
  'reset.hint': [
    'Mindestens 12 Zeichen; gut sind mehrere Wörter, die nicht zusammengehören. Häufige Passwörter und Wörter werden abgelehnt.',
    'At least 12 characters; several unrelated words work well. Common passwords and words are refused.',
  ],
  'reset.submit': ['Passwort speichern', 'Save password'],
  'reset.done': [
    'Ihr Passwort ist geändert; alle Sitzungen wurden beendet. Bitte melden Sie sich neu an.',
    'Your password is changed and every session was ended. Please sign in again.',
  ],
  'reset.invalid': [
    'Der Link ist ungültig, schon benutzt oder abgelaufen. Bitte fordern Sie einen neuen an.',
    'The link is invalid, used already or expired. Please request a new one.',
  ],
  'invite.title': ['Einladung annehmen', 'Accept the invitation'],
  'invite.intro': [
    'Legen Sie Ihr Passwort fest. Danach sind Sie angemeldet.',
    'Set your password. You are signed in afterwards.',
  ],
  'invite.submit': ['Passwort festlegen und anmelden', 'Set password and sign in'],
  'invite.invalid': [
    'Der Einladungslink ist ungültig, schon benutzt, zurückgezogen oder abgelaufen. Bitten Sie die Bündnisverwaltung um eine neue Einladung.',
    'The invitation link is invalid, used already, withdrawn or expired. Please ask the alliance administration for a new invitation.',
  ],
  'totp.title': ['Zweiten Faktor einrichten', 'Set up the second factor'],
  'totp.intro': [
    'Wer mit Fällen arbeitet, meldet sich mit einem zweiten Faktor an. Scannen Sie den QR-Code mit einer Authenticator-App (z. B. FreeOTP, Aegis, Google oder Microsoft Authenticator) und geben Sie den angezeigten Code ein.',
    'Whoever works with cases signs in with a second factor. Scan the QR code with an authenticator app (e.g. FreeOTP, Aegis, Google or Microsoft Authenticator) and enter the code it shows.',
  ],
  'totp.qr': ['QR-Code zum Einrichten der Authenticator-App', 'QR code for setting up the authenticator app'],
  'totp.secret': ['Oder geben Sie diesen Schlüssel von Hand ein:', 'Or type this key by hand:'],
  'totp.code': ['Code aus der App', 'Code from the app'],
  'totp.submit': ['Bestätigen', 'Confirm'],
  'totp.codes': [
    'Eingerichtet. Bewahren Sie diese zehn Wiederherstellungscodes sicher auf; jeder gilt einmal, falls Ihr Telefon nicht zur Hand ist. Sie werden nur jetzt angezeigt.',
    'Done. Keep these ten recovery codes safe; each works once when your phone is not at hand. They are shown only now.',
  ],
  'totp.continue': ['Weiter zum Portal', 'Continue to the portal'],
  'outbox.title': ['Postausgang', 'Outbox'],
  'outbox.intro': [
    'Ohne SMTP-Server (SMTP_URL) bleiben E-Mails hier. Außerhalb des Produktivbetriebs können Sie sie lesen, z. B. Einladungslinks.',
    'Without an SMTP server (SMTP_URL) mails stay here. Outside production you can read them, e.g. invitation links.',
  ],
  'outbox.empty': ['Keine E-Mails.', 'No mails.'],
  'outbox.to': ['An', 'To'],
  'outbox.status': ['Status', 'Status'],
  'outbox.created': ['Erstellt', 'Created'],
  'outbox.status.PENDING': ['wartet', 'pending'],
  'outbox.status.SENT': ['versandt', 'sent'],
  'outbox.status.FAILED': ['fehlgeschlagen', 'failed'],
  'nav.outbox': ['Postausgang', 'Outbox'],
  'error.SECOND_FACTOR_REQUIRED': [
    'Bitte richten Sie zuerst den zweiten Faktor ein bzw. geben Sie den Code Ihrer App ein.',
    'Please set up the second factor first, or enter the code of your app.',
  ],
  'field.newPassword': ['Neues Passwort', 'New password'],
  'field.code': ['Code', 'Code'],
  'field.token': ['Link', 'Link'],

  'alliance.none': [
    'Sie sind noch keinem Bündnis zugeordnet. Bitte wenden Sie sich an die Bündnisverwaltung.',
    'You are not a member of an alliance yet. Please contact the alliance administration.',
  ],
  'alliance.choose': ['Bündnis wählen', 'Choose alliance'],
  'alliance.quorum': [
    'Beschlussfähig ab mehr als {share} % der eingeladenen Partner',
    'Quorate with more than {share} % of invited partners',
  ],
  'alliance.memberCount': ['{n} Mitglieder', '{n} members'],
  'alliance.status.ACTIVE': ['Aktive Partner ({n})', 'Active partners ({n})'],
  'alliance.status.PROSPECTIVE': ['Angefragte Partner ({n})', 'Prospective partners ({n})'],
  'alliance.status.FORMER': ['Ehemalige Partner ({n})', 'Former partners ({n})'],
  'alliance.network': ['Zusammenarbeit im Bündnis', 'Collaboration in the alliance'],
  'alliance.networkIntro': [
    'Linien verbinden Partner, die gemeinsam an Aufgaben arbeiten oder sich Fälle übergeben haben. Die Zahl nennt, wie oft – ohne personenbezogene Daten.',
    'Lines connect partners that share tasks or handed cases to each other. The number says how often – without personal data.',
  ],
  'alliance.noLinks': [
    'Noch keine gemeinsamen Aufgaben oder Übergaben.',
    'No shared tasks or handovers yet.',
  ],
  'alliance.linksCaption': ['Verbindungen zwischen Partnern', 'Links between partners'],
  'alliance.partners': ['Partner', 'Partners'],
  'alliance.sharedTasks': ['Gemeinsame Aufgaben', 'Shared tasks'],
  'alliance.handovers': ['Fallübergaben', 'Case handovers'],
  'alliance.handoversHidden': [
    'Fallübergaben sehen nur Fallbearbeitende, und nur die ihrer eigenen Stelle.',
    'Only case workers see case handovers, and only those of their own organisation.',
  ],

  'dashboard.title': ['Übersicht', 'Overview'],
  'dashboard.greeting': ['Guten Tag, {name}', 'Welcome, {name}'],
  'dashboard.myTasks': ['Meine offenen Aufgaben', 'My open tasks'],
  'dashboard.noTasks': ['Keine offenen Aufgaben – gut gemacht.', 'No open tasks – well done.'],
  'dashboard.meetings': ['Nächste Sitzungen', 'Upcoming meetings'],
  'dashboard.noMeetings': ['Keine Sitzungen geplant.', 'No meetings scheduled.'],
  'dashboard.goals': ['Fortschritt der Ziele', 'Goal progress'],
};
