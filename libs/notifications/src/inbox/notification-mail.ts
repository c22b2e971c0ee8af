import type { MailLanguage, NotificationKind } from '../../../core/src/index.js';
import { composeMail, type RenderedMail } from '../mail/templates.js';
import { objectPath } from './notification-kinds.js';
import { notificationText } from './notification-templates.js';

/** The name of each kind in the preferences and in unsubscribe links. */
export const KIND_LABELS: Record<NotificationKind, Record<MailLanguage, string>> = {
  TASK_ASSIGNED: { de: 'Aufgabe zugewiesen', en: 'Task assigned' },
  TASK_PARTNER_ADDED: { de: 'Organisation an Aufgabe beteiligt', en: 'Organisation added to a task' },
  TASK_COMMENTED: { de: 'Kommentare zu Aufgaben', en: 'Comments on tasks' },
  TASK_UNBLOCKED: { de: 'Aufgabe kann beginnen', en: 'Task ready to start' },
  TASK_DUE_SOON: { de: 'Aufgabe bald fällig', en: 'Task due soon' },
  TASK_OVERDUE: { de: 'Aufgabe überfällig', en: 'Task overdue' },
  MEETING_INVITATION: { de: 'Einladungen zu Sitzungen', en: 'Meeting invitations' },
  MEETING_CHANGED: { de: 'Sitzung geändert', en: 'Meeting changed' },
  MEETING_CANCELLED: { de: 'Sitzung abgesagt', en: 'Meeting cancelled' },
  AGENDA_CHANGED: { de: 'Tagesordnung geändert', en: 'Agenda changed' },
  MINUTES_READY: { de: 'Protokoll zur Genehmigung', en: 'Minutes for approval' },
  MINUTES_APPROVED: { de: 'Protokoll genehmigt', en: 'Minutes approved' },
  HANDOVER_REQUESTED: { de: 'Übergabe angefragt', en: 'Handover requested' },
  HANDOVER_ACCEPTED: { de: 'Übergabe angenommen', en: 'Handover accepted' },
  HANDOVER_DECLINED: { de: 'Übergabe abgelehnt', en: 'Handover declined' },
  HANDOVER_COMPLETED: { de: 'Übergabe abgeschlossen', en: 'Handover completed' },
  CASE_ACCESS_ENDED: { de: 'Zugriff auf Fall beendet', en: 'Access to a case ended' },
};

export interface Contact {
  id: string;
  email: string;
  displayName: string;
  language: MailLanguage;
}

export interface MailItem {
  kind: NotificationKind;
  objectType: string;
  objectId: string;
  params: Record<string, string>;
}

/** Builds links: the portal's base URL and the unsubscribe URL of a (user, kind or DIGEST). */
export interface MailLinks {
  publicUrl: string;
  unsubscribeUrl(userId: string, kind: NotificationKind | 'DIGEST'): string;
}

export interface ComposedMail extends RenderedMail {
  headers: Record<string, string>;
}

const greeting = (c: Contact) =>
  c.language === 'de' ? `Guten Tag ${c.displayName},` : `Hello ${c.displayName},`;

/** RFC 8058: a one-click POST to the URL unsubscribes; RFC 3834: no auto-replies to this. */
function listHeaders(url: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${url}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  };
}

/** The mail of one notification, in the recipient's language, with its kind's unsubscribe link. */
export function immediateMail(contact: Contact, item: MailItem, links: MailLinks): ComposedMail {
  const lang = contact.language;
  const text = notificationText(item.kind, lang, item.params);
  const unsubscribe = links.unsubscribeUrl(contact.id, item.kind);
  const label = KIND_LABELS[item.kind][lang];
  const mail = composeMail(
    lang,
    text.subject,
    [greeting(contact), text.line],
    [
      [
        lang === 'de' ? 'Im Bündnisportal öffnen' : 'Open in the Bündnisportal',
        links.publicUrl + objectPath(item.objectType, item.objectId),
      ],
    ],
    [[lang === 'de' ? `Keine E-Mails mehr zu „${label}“` : `No more e-mails about “${label}”`, unsubscribe]],
  );
  return { ...mail, headers: listHeaders(unsubscribe) };
}

/**
 * The daily digest: one line and link per notification, oldest first, and an unsubscribe link per
 * kind it contains; the List-Unsubscribe header ends the digest (every kind delivered in it).
 */
export function digestMail(contact: Contact, items: MailItem[], links: MailLinks): ComposedMail {
  const lang = contact.language;
  const subject =
    lang === 'de'
      ? `Ihre Benachrichtigungen: ${items.length} neue`
      : `Your notifications: ${items.length} new`;
  const lines = [
    greeting(contact),
    lang === 'de'
      ? 'seit der letzten Zusammenfassung ist im Bündnisportal Folgendes geschehen:'
      : 'this is what happened on the Bündnisportal since the last summary:',
  ];
  const entries: [string, string][] = items.map((item) => [
    notificationText(item.kind, lang, item.params).line,
    links.publicUrl + objectPath(item.objectType, item.objectId),
  ]);
  const kinds = [...new Set(items.map((i) => i.kind))];
  const footer: [string, string][] = kinds.map((k) => [
    lang === 'de'
      ? `Keine E-Mails mehr zu „${KIND_LABELS[k][lang]}“`
      : `No more e-mails about “${KIND_LABELS[k][lang]}”`,
    links.unsubscribeUrl(contact.id, k),
  ]);
  const all = links.unsubscribeUrl(contact.id, 'DIGEST');
  footer.push([lang === 'de' ? 'Keine Zusammenfassungen mehr' : 'No more summaries', all]);
  return { ...composeMail(lang, subject, lines, entries, footer), headers: listHeaders(all) };
}
