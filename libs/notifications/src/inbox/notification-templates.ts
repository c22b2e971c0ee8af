import type { MailLanguage, NotificationKind } from '../../../core/src/index.js';

type Params = Record<string, string>;
/** A notification's text: a subject (mail) / title (list), and one sentence. */
export interface NotificationText {
  subject: string;
  line: string;
}
type Texts = Record<MailLanguage, (p: Params) => NotificationText>;

const q = (s: string | undefined, language: MailLanguage) =>
  language === 'de' ? `„${s ?? ''}“` : `“${s ?? ''}”`;
const dayDe = (iso?: string) => (iso ? iso.split('-').reverse().join('.') : '');
const role = (p: Params, language: MailLanguage) =>
  p.role === 'LEAD'
    ? language === 'de'
      ? 'federführend'
      : 'lead'
    : language === 'de'
      ? 'beteiligt'
      : 'contributing';

/**
 * The text of each kind in German and English, from the notification's parameters (which never
 * carry a client's personal data: casework kinds name only the case reference and organisations).
 * Parameters: tasks `taskTitle`, `dueDate` (ISO day), `organisationName`, `role` (LEAD |
 * CONTRIBUTOR), `actorName`, `blockerTitle`; meetings `meetingTitle`, `startsAt` (ISO),
 * `location`; casework `caseReference`, `fromOrganisation`, `toOrganisation`.
 */
const TEXTS: Record<NotificationKind, Texts> = {
  TASK_ASSIGNED: {
    de: (p) => ({
      subject: `Aufgabe für Sie: ${p.taskTitle}`,
      line: `${p.actorName || 'Jemand'} hat Ihnen die Aufgabe ${q(p.taskTitle, 'de')} zugewiesen.`,
    }),
    en: (p) => ({
      subject: `Task for you: ${p.taskTitle}`,
      line: `${p.actorName || 'Someone'} assigned the task ${q(p.taskTitle, 'en')} to you.`,
    }),
  },
  TASK_PARTNER_ADDED: {
    de: (p) => ({
      subject: `Aufgabe für ${p.organisationName}: ${p.taskTitle}`,
      line: `Ihre Organisation ${p.organisationName} ist an der Aufgabe ${q(p.taskTitle, 'de')} jetzt ${role(p, 'de')}.`,
    }),
    en: (p) => ({
      subject: `Task for ${p.organisationName}: ${p.taskTitle}`,
      line: `Your organisation ${p.organisationName} is now ${role(p, 'en')} on the task ${q(p.taskTitle, 'en')}.`,
    }),
  },
  TASK_COMMENTED: {
    de: (p) => ({
      subject: `Neuer Kommentar: ${p.taskTitle}`,
      line: `${p.actorName || 'Jemand'} hat die Aufgabe ${q(p.taskTitle, 'de')} kommentiert.`,
    }),
    en: (p) => ({
      subject: `New comment: ${p.taskTitle}`,
      line: `${p.actorName || 'Someone'} commented on the task ${q(p.taskTitle, 'en')}.`,
    }),
  },
  TASK_UNBLOCKED: {
    de: (p) => ({
      subject: `Kann beginnen: ${p.taskTitle}`,
      line: `Die Aufgabe ${q(p.blockerTitle, 'de')} ist erledigt; ${q(p.taskTitle, 'de')} wartet nicht mehr darauf.`,
    }),
    en: (p) => ({
      subject: `Ready to start: ${p.taskTitle}`,
      line: `The task ${q(p.blockerTitle, 'en')} is done; ${q(p.taskTitle, 'en')} no longer waits on it.`,
    }),
  },
  TASK_DUE_SOON: {
    de: (p) => ({
      subject: `Fällig am ${dayDe(p.dueDate)}: ${p.taskTitle}`,
      line: `Die Aufgabe ${q(p.taskTitle, 'de')} ist am ${dayDe(p.dueDate)} fällig.`,
    }),
    en: (p) => ({
      subject: `Due on ${p.dueDate}: ${p.taskTitle}`,
      line: `The task ${q(p.taskTitle, 'en')} is due on ${p.dueDate}.`,
    }),
  },
  TASK_OVERDUE: {
    de: (p) => ({
      subject: `Überfällig: ${p.taskTitle}`,
      line: `Die Aufgabe ${q(p.taskTitle, 'de')} war am ${dayDe(p.dueDate)} fällig und ist noch offen.`,
    }),
    en: (p) => ({
      subject: `Overdue: ${p.taskTitle}`,
      line: `The task ${q(p.taskTitle, 'en')} was due on ${p.dueDate} and is still open.`,
    }),
  },
  MEETING_INVITATION: {
    de: (p) => ({
      subject: `Einladung: ${p.meetingTitle}`,
      line: `Sie sind zur Sitzung ${q(p.meetingTitle, 'de')} eingeladen${p.startsAt ? ` (${p.startsAt})` : ''}.`,
    }),
    en: (p) => ({
      subject: `Invitation: ${p.meetingTitle}`,
      line: `You are invited to the meeting ${q(p.meetingTitle, 'en')}${p.startsAt ? ` (${p.startsAt})` : ''}.`,
    }),
  },
  MEETING_CHANGED: {
    de: (p) => ({
      subject: `Geändert: ${p.meetingTitle}`,
      line: `Die Sitzung ${q(p.meetingTitle, 'de')} wurde geändert.`,
    }),
    en: (p) => ({
      subject: `Changed: ${p.meetingTitle}`,
      line: `The meeting ${q(p.meetingTitle, 'en')} was changed.`,
    }),
  },
  MEETING_CANCELLED: {
    de: (p) => ({
      subject: `Abgesagt: ${p.meetingTitle}`,
      line: `Die Sitzung ${q(p.meetingTitle, 'de')} wurde abgesagt.`,
    }),
    en: (p) => ({
      subject: `Cancelled: ${p.meetingTitle}`,
      line: `The meeting ${q(p.meetingTitle, 'en')} was cancelled.`,
    }),
  },
  AGENDA_CHANGED: {
    de: (p) => ({
      subject: `Tagesordnung geändert: ${p.meetingTitle}`,
      line: `Die Tagesordnung der Sitzung ${q(p.meetingTitle, 'de')} wurde geändert.`,
    }),
    en: (p) => ({
      subject: `Agenda changed: ${p.meetingTitle}`,
      line: `The agenda of the meeting ${q(p.meetingTitle, 'en')} was changed.`,
    }),
  },
  MINUTES_READY: {
    de: (p) => ({
      subject: `Protokoll zur Genehmigung: ${p.meetingTitle}`,
      line: `Das Protokoll der Sitzung ${q(p.meetingTitle, 'de')} liegt zur Genehmigung vor.`,
    }),
    en: (p) => ({
      subject: `Minutes for approval: ${p.meetingTitle}`,
      line: `The minutes of the meeting ${q(p.meetingTitle, 'en')} are ready for approval.`,
    }),
  },
  MINUTES_APPROVED: {
    de: (p) => ({
      subject: `Protokoll genehmigt: ${p.meetingTitle}`,
      line: `Das Protokoll der Sitzung ${q(p.meetingTitle, 'de')} ist genehmigt.${p.pdfUrl ? ` Als PDF: ${p.pdfUrl}` : ''}`,
    }),
    en: (p) => ({
      subject: `Minutes approved: ${p.meetingTitle}`,
      line: `The minutes of the meeting ${q(p.meetingTitle, 'en')} are approved.${p.pdfUrl ? ` As a PDF: ${p.pdfUrl}` : ''}`,
    }),
  },
  HANDOVER_REQUESTED: {
    de: (p) => ({
      subject: `Übergabe angefragt: Fall ${p.caseReference}`,
      line: `${p.fromOrganisation} bittet ${p.toOrganisation} um die Übernahme des Falls ${p.caseReference}. Die Anfrage steht im Posteingang.`,
    }),
    en: (p) => ({
      subject: `Handover requested: case ${p.caseReference}`,
      line: `${p.fromOrganisation} asks ${p.toOrganisation} to take over case ${p.caseReference}. The request is in the inbox.`,
    }),
  },
  HANDOVER_ACCEPTED: {
    de: (p) => ({
      subject: `Übergabe angenommen: Fall ${p.caseReference}`,
      line: `${p.toOrganisation} hat die Übergabe des Falls ${p.caseReference} angenommen.`,
    }),
    en: (p) => ({
      subject: `Handover accepted: case ${p.caseReference}`,
      line: `${p.toOrganisation} accepted the handover of case ${p.caseReference}.`,
    }),
  },
  HANDOVER_DECLINED: {
    de: (p) => ({
      subject: `Übergabe abgelehnt: Fall ${p.caseReference}`,
      line: `${p.toOrganisation} hat die Übergabe des Falls ${p.caseReference} abgelehnt. Den Grund sehen Sie beim Fall im Portal.`,
    }),
    en: (p) => ({
      subject: `Handover declined: case ${p.caseReference}`,
      line: `${p.toOrganisation} declined the handover of case ${p.caseReference}. The reason is shown with the case in the portal.`,
    }),
  },
  HANDOVER_COMPLETED: {
    de: (p) => ({
      subject: `Übergabe abgeschlossen: Fall ${p.caseReference}`,
      line: `${p.toOrganisation} hat die Übergabe des Falls ${p.caseReference} abgeschlossen.`,
    }),
    en: (p) => ({
      subject: `Handover completed: case ${p.caseReference}`,
      line: `${p.toOrganisation} completed the handover of case ${p.caseReference}.`,
    }),
  },
  CASE_ACCESS_ENDED: {
    de: (p) => ({
      subject: `Zugriff beendet: Fall ${p.caseReference}`,
      line: `Die Einwilligung zum Fall ${p.caseReference} (${p.fromOrganisation}) ist ${p.cause === 'EXPIRED' ? 'abgelaufen' : 'widerrufen'}; ${p.toOrganisation} sieht seine Daten nicht mehr.`,
    }),
    en: (p) => ({
      subject: `Access ended: case ${p.caseReference}`,
      line: `The consent for case ${p.caseReference} (${p.fromOrganisation}) ${p.cause === 'EXPIRED' ? 'has expired' : 'was withdrawn'}; ${p.toOrganisation} no longer sees its data.`,
    }),
  },
};

export function notificationText(
  kind: NotificationKind,
  language: MailLanguage,
  params: Params,
): NotificationText {
  const t = TEXTS[kind];
  if (!t) throw new Error(`unknown notification kind ${kind}`);
  return t[language](params);
}
