/**
 * Texts of meeting planning and the meeting room (invitees, confirmations, approval of the minutes,
 * amendments), the calendar subscription and the list pages' create buttons: [German, English].
 */
export const MEETING_RECORD_MESSAGES: Record<string, [string, string]> = {
  'meetings.invitees': ['Eingeladene Partner', 'Invited partners'],
  'meetings.inviteesHint': [
    '{count} eingeladen. Beschlussfähig ist die Sitzung, wenn mehr als die Hälfte der Eingeladenen anwesend ist (oder der Anteil, den das Bündnis festgelegt hat).',
    '{count} invited. The meeting is quorate when more than half of those invited are present (or the share the alliance has set).',
  ],
  'meetings.inviteAllActive': ['Alle aktiven Partner', 'All active partners'],
  'meetings.inviteNone': ['Keine', 'None'],
  'meetings.prospective': ['interessiert', 'prospective'],
  'meetings.editInvitees': ['Einladungen ändern', 'Change invitations'],
  'meetings.saveInvitees': ['Einladungen speichern', 'Save invitations'],
  'meetings.inviteesSaved': ['Einladungen gespeichert.', 'Invitations saved.'],
  'meetings.inviteesLocked': [
    'Partner, deren Anwesenheit erfasst ist, bleiben eingeladen.',
    'Partners whose attendance is recorded stay invited.',
  ],

  'meetings.calendarAddress': ['Kalenderadresse', 'Calendar address'],
  'meetings.calendarCopy': ['Adresse kopieren', 'Copy address'],
  'meetings.calendarCopied': ['Adresse kopiert.', 'Address copied.'],
  'meetings.calendarCopyByHand': [
    'Die Adresse ist markiert – kopieren Sie sie mit Strg+C.',
    'The address is selected – copy it with Ctrl+C.',
  ],

  'meetings.startEarlyTitle': ['Sitzung schon jetzt eröffnen?', 'Start the meeting already?'],
  'meetings.startEarlyText': [
    'Die Sitzung ist für {date} geplant. Eröffnen Sie sie nur, wenn sie wirklich heute stattfindet: Danach wird die Anwesenheit erfasst und Beschlüsse werden gezählt.',
    'The meeting is planned for {date}. Start it only if it really takes place today: attendance is then recorded and decisions are numbered.',
  ],
  'meetings.startAnyway': ['Trotzdem eröffnen', 'Start anyway'],
  'meetings.adjournTitle': ['Sitzung schließen?', 'Adjourn the meeting?'],
  'meetings.adjournText': [
    'Danach lassen sich keine Tagesordnungspunkte mehr hinzufügen oder streichen und keine Anwesenheit mehr erfassen. Beschlüsse können bis zur Genehmigung des Protokolls noch korrigiert werden.',
    'Afterwards no agenda items can be added or removed and no attendance recorded. Decisions can still be corrected until the minutes are approved.',
  ],
  'meetings.cancelTitle': ['Sitzung absagen?', 'Cancel the meeting?'],
  'meetings.approveTitle': ['Protokoll genehmigen?', 'Approve the minutes?'],
  'meetings.approveText': [
    'Mit der Genehmigung werden endgültig: Tagesordnung, Anwesenheit, die Beschlüsse ({count}) mit ihrem Wortlaut und der Protokolltext. Danach lässt sich ein Beschluss nur noch durch einen neuen Beschluss in einer späteren Sitzung ändern.',
    'Approval makes final: agenda, attendance, the decisions ({count}) with their wording, and the minutes text. Afterwards a decision can only be changed by a new decision in a later meeting.',
  ],
  'meetings.approveNow': ['Jetzt genehmigen', 'Approve now'],
  'meetings.approveElsewhere': [
    'Sie können das Protokoll auch in der nächsten Sitzung genehmigen lassen: Nehmen Sie dort einen Tagesordnungspunkt „Genehmigung des Protokolls“ auf.',
    'You can also have the minutes approved in the next meeting: add an agenda item “Approval of the minutes” there.',
  ],
  'meetings.minuteTaker': ['Protokoll: {who}', 'Minutes taken by {who}'],
  'meetings.approvedByDecision': [
    'Genehmigt am {when} durch Beschluss {number} der Sitzung „{meeting}“.',
    'Approved on {when} by decision {number} of the meeting “{meeting}”.',
  ],
  'meetings.minutesPreview': ['Vorschau', 'Preview'],
  'meetings.agendaClosed': [
    'Die Sitzung ist geschlossen: Die Tagesordnung ist abgeschlossen. Ergänzungen gehören in den Protokolltext.',
    'The meeting is adjourned: its agenda is closed. Additions belong in the minutes text.',
  ],

  'meetings.approvesMinutesOf': ['Genehmigt das Protokoll der Sitzung', 'Approves the minutes of'],
  'meetings.approvesNone': ['– keine –', '– none –'],
  'meetings.approvalItemTitle': [
    'Genehmigung des Protokolls: {title} ({date})',
    'Approval of the minutes: {title} ({date})',
  ],
  'meetings.approvalItem': [
    'Genehmigung des Protokolls der Sitzung „{title}“',
    'Approval of the minutes of “{title}”',
  ],
  'meetings.approvalDecisionTitle': ['Protokoll wird genehmigt?', 'Approve the minutes by this decision?'],
  'meetings.approvalDecisionText': [
    'Wird dieser Beschluss als „angenommen“ gespeichert, ist das Protokoll der Sitzung „{title}“ genehmigt und endgültig: Tagesordnung, Anwesenheit, Beschlüsse und Protokolltext jener Sitzung lassen sich danach nicht mehr ändern. Ergebnis und Tagesordnungspunkt dieses Beschlusses stehen dann ebenfalls fest.',
    'Saved as “adopted”, this decision approves the minutes of “{title}” and makes them final: agenda, attendance, decisions and minutes text of that meeting can no longer be changed. The outcome and agenda item of this decision are then fixed too.',
  ],
  'meetings.approvalDecisionConfirm': ['Beschluss speichern und genehmigen', 'Record and approve'],

  'meetings.amend': ['Ändern (neuer Beschluss)', 'Amend (new decision)'],
  'meetings.amendLabel': ['Beschluss {number} ändern', 'Amend decision {number}'],
  'meetings.amendHint': [
    'Der Beschluss {number} ist endgültig. Eine Änderung wird in einer späteren, laufenden oder geschlossenen Sitzung als neuer Beschluss gefasst, der auf ihn verweist.',
    'Decision {number} is final. An amendment is taken as a new decision in a later meeting, running or adjourned, that refers to it.',
  ],
  'meetings.amendIn': ['In der Sitzung', 'In the meeting'],
  'meetings.amendNoMeeting': [
    'Es gibt keine spätere Sitzung, die läuft oder geschlossen ist und die Sie leiten. Eröffnen Sie zuerst die Sitzung, in der die Änderung beschlossen wird.',
    'There is no later meeting that is running or adjourned and that you chair. First start the meeting in which the amendment is decided.',
  ],
  'meetings.amendSubmit': ['Änderung beschließen', 'Record the amendment'],
  'meetings.amends': ['Ändert Beschluss {number}', 'Amends decision {number}'],
  'meetings.amendedBy': ['Geändert durch Beschluss {numbers}', 'Amended by decision {numbers}'],

  'error.reason.AGENDA_CLOSED': [
    'Die Sitzung ist geschlossen; ihre Tagesordnung lässt sich nicht mehr ergänzen oder kürzen. Halten Sie Nachträge im Protokolltext fest.',
    'The meeting is adjourned; its agenda can no longer be extended or shortened. Record additions in the minutes text.',
  ],
  'error.reason.MINUTES_ALREADY_APPROVED': [
    'Das Protokoll jener Sitzung ist bereits genehmigt. Speichern Sie den Beschluss ohne diesen Tagesordnungspunkt.',
    'The minutes of that meeting are already approved. Record the decision without this agenda item.',
  ],
  'error.reason.DECISION_APPROVED_MINUTES': [
    'Dieser Beschluss hat ein Protokoll genehmigt; Ergebnis und Tagesordnungspunkt stehen fest. Korrigieren Sie nur Titel oder Wortlaut.',
    'This decision approved minutes; its outcome and agenda item are fixed. Correct only the title or wording.',
  ],

  'tasks.skipToBoard': ['Zu den Aufgaben springen', 'Skip to the tasks'],
};
