/**
 * What each rule code of the API (`extensions.fields[].rule`) means, in words that say how to put
 * it right: [German, English]. A test fails when a rule the API can answer has no text here.
 */
export const RULE_MESSAGES: Record<string, [string, string]> = {
  'rule.INVALID': [
    'Dieser Wert wird nicht angenommen. Bitte prüfen und korrigieren Sie ihn.',
    'This value is not accepted. Please check and correct it.',
  ],
  'rule.REQUIRED': ['Bitte füllen Sie dieses Feld aus.', 'Please fill in this field.'],
  'rule.LENGTH': [
    'Der Text ist zu kurz oder zu lang. Bitte ergänzen oder kürzen Sie ihn.',
    'The text is too short or too long. Please add to it or shorten it.',
  ],
  'rule.OUT_OF_RANGE': [
    'Der Wert liegt außerhalb des erlaubten Bereichs. Bitte wählen Sie einen kleineren oder größeren Wert.',
    'The value is outside the allowed range. Please choose a smaller or larger value.',
  ],
  'rule.INVALID_VALUE': [
    'Dieser Wert passt nicht. Bitte wählen Sie einen Eintrag aus der Liste oder geben Sie den Wert im erwarteten Format ein.',
    'This value does not fit. Please choose an entry from the list or enter the value in the expected format.',
  ],
  'rule.INVALID_DATE': [
    'Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).',
    'Please enter a valid date (DD/MM/YYYY).',
  ],
  'rule.INVALID_EMAIL': [
    'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
    'Please enter a valid e-mail address, e.g. name@example.org.',
  ],
  'rule.UNKNOWN_FIELD': [
    'Die Anfrage enthielt ein unbekanntes Feld. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
    'The request contained an unknown field. Please reload the page and try again.',
  ],
  'rule.INVALID_CURSOR': [
    'Diese Seite passt nicht mehr zur Liste. Bitte beginnen Sie wieder auf der ersten Seite.',
    'This page no longer fits the list. Please start again from the first page.',
  ],
  'rule.END_BEFORE_START': [
    'Das Ende liegt vor dem Beginn. Bitte wählen Sie ein Ende, das nach dem Beginn liegt.',
    'The end is before the start. Please choose an end after the start.',
  ],
  'rule.DATE_IN_FUTURE': [
    'Das Datum liegt in der Zukunft. Bitte erfassen Sie nur Werte bis heute.',
    'The date is in the future. Please record values up to today only.',
  ],
  'rule.CYCLE': [
    'Das ergäbe einen Kreislauf: die Einträge würden aufeinander warten. Bitte wählen Sie einen anderen Eintrag.',
    'That would close a cycle: the entries would wait for each other. Please choose another entry.',
  ],
  'rule.SELF_REFERENCE': [
    'Ein Eintrag kann nicht auf sich selbst warten. Bitte wählen Sie einen anderen.',
    'An entry cannot wait for itself. Please choose another one.',
  ],
  'rule.NOT_ACTIVE_PARTNER': [
    'Hier können nur aktive Partner des Bündnisses gewählt werden. Bitte wählen Sie einen aktiven Partner.',
    'Only active partners of the alliance can be chosen here. Please choose an active partner.',
  ],
  'rule.NOT_IN_ALLIANCE': [
    'Dieser Eintrag gehört nicht (mehr) zu diesem Bündnis. Bitte laden Sie die Seite neu und wählen Sie erneut.',
    'This entry does not (or no longer) belong to this alliance. Please reload the page and choose again.',
  ],
  'rule.ASSIGNEE_NOT_INVOLVED': [
    'Zuständig sein kann nur, wer zur federführenden oder einer mitwirkenden Organisation gehört. Bitte wählen Sie eine solche Person oder nehmen Sie ihre Organisation als mitwirkend auf.',
    'Only someone from the lead or a contributing organisation can be assigned. Please choose such a person or add their organisation as contributing.',
  ],
  'rule.HEALTH_NEEDS_WRITTEN_CONSENT': [
    'Gesundheitsdaten dürfen nur mit schriftlicher oder elektronischer Einwilligung weitergegeben werden. Bitte wählen Sie diese Form oder nehmen Sie Gesundheit aus den Datenkategorien heraus.',
    'Health data may only be shared with a written or electronic consent. Please choose one of these forms or remove health from the data categories.',
  ],
  'rule.PERIOD_TOO_LONG': [
    'Ein Bericht umfasst höchstens zehn Jahre. Bitte wählen Sie einen kürzeren Zeitraum.',
    'A report covers at most ten years. Please choose a shorter period.',
  ],
};

/** Labels of fields that refusals name by their API path (`field.<last path segment>`). */
export const REFUSED_FIELD_LABELS: Record<string, [string, string]> = {
  'field.blockedById': ['Wartet auf', 'Waiting for'],
  'field.observedOn': ['Datum des Messwerts', 'Date of the value'],
  'field.form': ['Form der Einwilligung', 'Form of consent'],
  'field.goalId': ['Ziel', 'Goal'],
  'field.parentId': ['Übergeordnetes Ziel', 'Parent goal'],
  'field.contributingPartnerIds': ['Mitwirkende Partner', 'Contributing partners'],
  'field.leadPartnerId': ['Federführender Partner', 'Lead partner'],
  'field.assigneeId': ['Zuständig', 'Assignee'],
  'field.validFrom': ['Gültig ab', 'Valid from'],
  'field.validUntil': ['Gültig bis', 'Valid until'],
  'field.from': ['Von', 'From'],
  'field.to': ['Bis', 'To'],
  'field.body': ['Kommentar', 'Comment'],
  'field.first': ['Seitengröße', 'Page size'],
  'field.after': ['Seite', 'Page'],
};
