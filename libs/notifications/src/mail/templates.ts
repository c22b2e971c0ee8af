import type { MailLanguage } from '../../../core/src/index.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Params = Record<string, string>;
type Template = Record<
  MailLanguage,
  (p: Params) => { subject: string; lines: string[]; link?: [string, string] }
>;

/**
 * The mails the portal sends, in German and English. Parameters carry no client's personal data:
 * only names of people and organisations of the alliance, and links.
 */
const TEMPLATES: Record<string, Template> = {
  invitation: {
    de: (p) => ({
      subject: `Einladung zum Bündnisportal: ${p.allianceName}`,
      lines: [
        `Guten Tag ${p.displayName},`,
        `${p.invitedBy} lädt Sie in das Bündnis „${p.allianceName}“ im Bündnisportal ein (Organisation: ${p.organisationName}).`,
        'Mit dem folgenden Link legen Sie Ihr Passwort fest und melden sich an. Der Link gilt 7 Tage und nur einmal.',
      ],
      link: ['Einladung annehmen', p.link],
    }),
    en: (p) => ({
      subject: `Invitation to the Bündnisportal: ${p.allianceName}`,
      lines: [
        `Hello ${p.displayName},`,
        `${p.invitedBy} invites you to the alliance “${p.allianceName}” on the Bündnisportal (organisation: ${p.organisationName}).`,
        'Use the link below to set your password and sign in. It is valid for 7 days and can be used once.',
      ],
      link: ['Accept the invitation', p.link],
    }),
  },
  passwordReset: {
    de: (p) => ({
      subject: 'Passwort zurücksetzen – Bündnisportal',
      lines: [
        `Guten Tag ${p.displayName},`,
        'für Ihr Konto im Bündnisportal wurde ein neues Passwort angefordert. Mit dem folgenden Link legen Sie es fest. Der Link gilt eine Stunde und nur einmal.',
        'Wenn Sie das nicht angefordert haben, können Sie diese Nachricht ignorieren; Ihr Passwort bleibt unverändert.',
      ],
      link: ['Neues Passwort festlegen', p.link],
    }),
    en: (p) => ({
      subject: 'Reset your password – Bündnisportal',
      lines: [
        `Hello ${p.displayName},`,
        'a new password was requested for your Bündnisportal account. Use the link below to set it. It is valid for one hour and can be used once.',
        'If you did not ask for this, ignore this message; your password stays as it is.',
      ],
      link: ['Set a new password', p.link],
    }),
  },
  passwordChanged: {
    de: (p) => ({
      subject: 'Ihr Passwort wurde geändert – Bündnisportal',
      lines: [
        `Guten Tag ${p.displayName},`,
        'das Passwort Ihres Kontos im Bündnisportal wurde soeben geändert, und Ihre anderen Sitzungen wurden beendet.',
        'Waren Sie das nicht? Wenden Sie sich bitte sofort an die Verwaltung Ihres Bündnisses.',
      ],
    }),
    en: (p) => ({
      subject: 'Your password was changed – Bündnisportal',
      lines: [
        `Hello ${p.displayName},`,
        'the password of your Bündnisportal account was just changed, and your other sessions were ended.',
        'Was this not you? Please contact your alliance administration at once.',
      ],
    }),
  },
};

export const TEMPLATE_KEYS = Object.keys(TEMPLATES);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Plain text and HTML of one mail; an unknown template key is a programming error. */
export function renderMail(template: string, language: MailLanguage, params: Params): RenderedMail {
  const t = TEMPLATES[template];
  if (!t) throw new Error(`unknown mail template ${template}`);
  const { subject, lines, link } = t[language](params);
  return composeMail(language, subject, lines, link ? [link] : []);
}

/**
 * A mail from its parts: paragraphs, links (label, URL) and small print under the signature
 * (the unsubscribe links of notification mails).
 */
export function composeMail(
  language: MailLanguage,
  subject: string,
  lines: string[],
  links: [string, string][],
  footer: [string, string][] = [],
): RenderedMail {
  const text = [
    [...lines, ...links.map(([label, url]) => `${label}: ${url}`)].join('\n\n'),
    '\n\n-- \nBündnisportal\n',
    ...footer.map(([label, url]) => `${label}: ${url}\n`),
  ].join('');
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    ...links.map(([label, url]) => `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`),
    '<p style="color:#555">Bündnisportal</p>',
    ...footer.map(
      ([label, url]) =>
        `<p style="color:#555;font-size:small"><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`,
    ),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
