/**
 * Texts of statutory handovers (four eyes), the duplicate check, the handover's contact and outcome,
 * and case maintenance: [German, English].
 */
export const CASE_RULE_MESSAGES: Record<string, [string, string]> = {
  // statutory handovers
  'caseRules.statutoryTitle': [
    'Übermittlung ohne Einwilligung (gesetzliche Grundlage)',
    'Transfer without consent (statutory basis)',
  ],
  'caseRules.statutoryIntro': [
    'Nur wenn ein Gesetz die Übermittlung erlaubt oder verlangt. Wählen Sie die Rechtsgrundlage und begründen Sie, warum die Übermittlung nötig ist. Sie wird erst wirksam, wenn eine zweite Fachkraft Ihrer Stelle sie freigibt (Vier-Augen-Prinzip).',
    'Only where a law permits or requires the transfer. Choose the legal basis and explain why the transfer is necessary. It takes effect only once a second case worker of your organisation approves it (four eyes).',
  ],
  'caseRules.chooseOrganisation': ['Bitte Stelle wählen', 'Please choose an organisation'],
  'caseRules.legalBasis': ['Rechtsgrundlage', 'Legal basis'],
  'caseRules.chooseBasis': ['Bitte Rechtsgrundlage wählen', 'Please choose a legal basis'],
  'caseRules.justification': ['Begründung', 'Justification'],
  'caseRules.justificationHint': [
    'Warum ist die Übermittlung für die gesetzliche Aufgabe erforderlich? Nennen Sie keine Daten, die nicht nötig sind.',
    'Why is the transfer necessary for the statutory task? Do not name data that is not needed.',
  ],
  'caseRules.healthNeedsConsent': [
    'Gesundheitsdaten nur mit schriftlicher oder elektronischer Einwilligung – diese Rechtsgrundlage erlaubt sie nicht.',
    'Health data only with written or electronic consent – this legal basis does not permit it.',
  ],
  'caseRules.informedLanguage': [
    'In welcher Sprache wurde die Person über die Übermittlung informiert?',
    'In which language was the person told of the transfer?',
  ],
  'caseRules.statutorySubmit': ['Zur Freigabe vorlegen', 'Submit for approval'],
  'caseRules.statutoryRequested': [
    'Vorgelegt. Eine zweite Fachkraft Ihrer Stelle muss die Übermittlung freigeben.',
    'Submitted. A second case worker of your organisation must approve the transfer.',
  ],
  'caseRules.restsOn': [
    'Ohne Einwilligung, auf Grundlage von {citation}',
    'Without consent, under {citation}',
  ],
  'caseRules.receivedStatutoryNotice': [
    'Dieser Fall wurde Ihrer Stelle übergeben. Sie sehen nur die übergebenen Daten – auf Grundlage einer Einwilligung der Person oder einer gesetzlichen Grundlage (siehe Übergaben). Jeder Abruf wird für die Person protokolliert.',
    'This case was handed over to your organisation. You see only the data handed over – under the consent of the person or a legal basis (see handovers). Every read is recorded for the person.',
  ],
  'caseRules.awaitingSecond': [
    'Wartet auf die Freigabe durch eine zweite Fachkraft Ihrer Stelle. Die empfangende Stelle sieht die Anfrage erst danach.',
    'Waiting for a second case worker of your organisation to approve it. The receiving organisation sees the request only then.',
  ],
  'caseRules.decideTitle': ['Freigabe der Rechtsgrundlage', 'Approval of the legal basis'],
  'caseRules.decideIntro': [
    'Bitte prüfen Sie Rechtsgrundlage, Begründung und Datenbereiche. Mit der Freigabe erhält die empfangende Stelle die Anfrage.',
    'Please check the legal basis, the justification and the data categories. Once approved, the receiving organisation gets the request.',
  ],
  'caseRules.approve': ['Übermittlung freigeben', 'Approve transfer'],
  'caseRules.reject': ['Nicht freigeben', 'Reject'],
  'caseRules.rejectReason': ['Grund', 'Reason'],
  'caseRules.rejectSubmit': ['Ablehnung speichern', 'Save rejection'],
  'caseRules.revokeBasis': ['Rechtsgrundlage widerrufen', 'Revoke legal basis'],
  'error.reason.FOUR_EYES': [
    'Vier-Augen-Prinzip: Eine zweite Fachkraft Ihrer Stelle muss freigeben, nicht die Person, die die Übermittlung vorgelegt hat. Bitten Sie eine Kollegin oder einen Kollegen.',
    'Four eyes: a second case worker of your organisation must approve, not the person who submitted the transfer. Please ask a colleague.',
  ],
  'error.reason.BASIS_REVOKED': [
    'Die Rechtsgrundlage wurde widerrufen und kann nicht mehr freigegeben werden. Legen Sie die Übermittlung bei Bedarf neu vor.',
    'The legal basis was revoked and can no longer be approved. Submit the transfer again if it is still needed.',
  ],
  'error.reason.BASIS_DECIDED': [
    'Über diese Rechtsgrundlage wurde schon entschieden. Laden Sie die Seite neu.',
    'This legal basis was decided on already. Please reload the page.',
  ],
  // contact, outcome, end of access
  'caseRules.contact': ['Ansprechperson: {name} ({org})', 'Contact: {name} ({org})'],
  'caseRules.completedBy': ['Abgeschlossen von {name} am {when}', 'Completed by {name} on {when}'],
  'caseRules.accessEnded': ['Kein Zugriff mehr seit {when}: {why}', 'No access since {when}: {why}'],
  'caseRules.withdrawalNote': ['Hinweis zum Widerruf', 'Note on the withdrawal'],
  'caseRules.cancelReason': ['Grund der Rücknahme', 'Reason for cancelling'],
  'caseRules.businessContact': ['Dienstliche Erreichbarkeit', 'Business contact'],
  'caseRules.businessContactHint': [
    'Stellen, an die Sie Fälle übergeben, sehen Ihren Namen, Ihre Stelle, Ihre E-Mail-Adresse und diese Telefonnummer.',
    'Organisations you hand cases to see your name, your organisation, your e-mail address and this phone number.',
  ],
  'caseRules.businessPhone': ['Telefon (dienstlich)', 'Phone (business)'],
  'caseRules.saveContact': ['Telefonnummer speichern', 'Save phone number'],
  'caseRules.contactSaved': ['Gespeichert.', 'Saved.'],
  // duplicate check
  'caseRules.duplicates': [
    'Achtung: Ihre Stelle hat schon {count} offene(n) Fall/Fälle mit demselben Nachnamen und Geburtsdatum. Prüfen Sie, ob es dieselbe Person ist:',
    'Note: your organisation already has {count} open case(s) with the same family name and date of birth. Check whether it is the same person:',
  ],
  'caseRules.duplicatesBeforeOpen': [
    'Prüfen Sie zuerst den vorhandenen Fall. Wenn es eine andere Person ist, eröffnen Sie den Fall trotzdem.',
    'Check the existing case first. If it is another person, open the case anyway.',
  ],
  'caseRules.openAnyway': ['Trotzdem eröffnen', 'Open anyway'],
  // case maintenance
  'caseRules.maintenance': [
    'Fall abschließen, wieder öffnen oder löschen',
    'Close, reopen or erase the case',
  ],
  'caseRules.closingReason': ['Grund des Abschlusses', 'Reason for closing'],
  'caseRules.chooseReason': ['Bitte Grund wählen', 'Please choose a reason'],
  'caseRules.close': ['Fall abschließen', 'Close case'],
  'caseRules.closedBecause': ['Abgeschlossen: {reason}', 'Closed: {reason}'],
  'caseRules.reopen': ['Fall wieder öffnen', 'Reopen case'],
  'caseRules.erase': ['Personendaten löschen …', 'Erase personal data …'],
  'caseRules.eraseTitle': ['Fall {reference} endgültig löschen?', 'Erase case {reference} for good?'],
  'caseRules.eraseGone': [
    'Gelöscht werden: alle Angaben zur Person in allen Datenbereichen, die Suchmerkmale des Namens, die Unterstützungsbedarfe und die Freitexte zu Einwilligungen und Übergaben. Offene Übergaben enden sofort.',
    'Erased: all data on the person in every category, the name search marks, the support areas and the free texts of consents and handovers. Open handovers end at once.',
  ],
  'caseRules.eraseRemains': [
    'Es bleiben: das Aktenzeichen, die Daten von Eröffnung und Abschluss, die Tatsachen der Einwilligungen und Übergaben ohne Text, das Protokoll, wer wann Daten gelesen hat (Offenlegungen, gesetzliche Aufbewahrung), und das Prüfprotokoll.',
    'Kept: the reference, the dates of opening and closing, the facts of consents and handovers without their texts, the record of who read data when (disclosures, statutory retention), and the audit log.',
  ],
  'caseRules.eraseFinal': ['Das kann nicht rückgängig gemacht werden.', 'This cannot be undone.'],
  'caseRules.eraseUnderstood': [
    'Ich habe verstanden, was gelöscht wird und was bleibt.',
    'I understand what is erased and what is kept.',
  ],
  'caseRules.eraseConfirm': ['Endgültig löschen', 'Erase for good'],
  'caseRules.edit': ['Falldaten bearbeiten', 'Edit case data'],
  'caseRules.editCategory': ['Welchen Datenbereich bearbeiten?', 'Which data category to edit?'],
  'caseRules.chooseCategory': ['Bitte Datenbereich wählen', 'Please choose a category'],
  'caseRules.save': ['Änderungen speichern', 'Save changes'],
  'caseRules.saved': ['Gespeichert.', 'Saved.'],
  'caseRules.staleVersion': [
    'Jemand hat den Fall inzwischen geändert. Laden Sie den Fall neu, prüfen Sie die Angaben und speichern Sie Ihre Änderung dann noch einmal.',
    'Someone changed the case in the meantime. Reload the case, check the data, then save your change again.',
  ],
  'caseRules.reloadCase': ['Fall neu laden', 'Reload case'],
  // enums
  'enum.ConsentForm.STATUTORY': [
    'Gesetzliche Grundlage (keine Einwilligung)',
    'Statutory basis (no consent)',
  ],
  'enum.ConsentStatus.PENDING_APPROVAL': ['Wartet auf Freigabe', 'Awaiting approval'],
  'enum.ConsentStatus.REJECTED': ['Nicht freigegeben', 'Rejected'],
  'enum.CaseClosingReason.GOAL_REACHED': ['Ziel erreicht', 'Goal reached'],
  'enum.CaseClosingReason.REFERRED': ['An andere Stelle verwiesen', 'Referred elsewhere'],
  'enum.CaseClosingReason.MOVED_AWAY': ['Weggezogen', 'Moved away'],
  'enum.CaseClosingReason.NO_CONTACT': ['Kein Kontakt mehr', 'No contact any more'],
  'enum.CaseClosingReason.CLIENT_REQUEST': ['Auf Wunsch der Person', "At the person's request"],
  'enum.CaseClosingReason.OTHER': ['Anderer Grund', 'Other reason'],
  'enum.HandoverAccessEnd.CONSENT_WITHDRAWN': ['Einwilligung widerrufen', 'Consent withdrawn'],
  'enum.HandoverAccessEnd.CONSENT_EXPIRED': ['Einwilligung abgelaufen', 'Consent expired'],
  'enum.HandoverAccessEnd.BASIS_REVOKED': ['Rechtsgrundlage widerrufen', 'Legal basis revoked'],
  'enum.HandoverAccessEnd.BASIS_EXPIRED': ['Rechtsgrundlage abgelaufen', 'Legal basis expired'],
  'enum.HandoverAccessEnd.HANDOVER_CANCELLED': [
    'Übergabe von der abgebenden Stelle zurückgezogen',
    'Handover cancelled by the sending organisation',
  ],
  'enum.HandoverAccessEnd.HANDOVER_COMPLETED': ['Übergabe abgeschlossen', 'Handover completed'],
  'enum.HandoverAccessEnd.CASE_ERASED': ['Fall gelöscht', 'Case erased'],
};
