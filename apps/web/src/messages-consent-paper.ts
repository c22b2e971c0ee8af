/** Texts of the consent sheet and its signed scan on a case: [German, English]. */
export const CONSENT_PAPER_MESSAGES: Record<string, [string, string]> = {
  'consentPaper.sheet': ['Einwilligungsbogen drucken', 'Print the consent sheet'],
  'consentPaper.language': ['Sprache neben Deutsch', 'Language beside German'],
  'consentPaper.pdf': ['PDF herunterladen', 'Download PDF'],
  'consentPaper.html': ['Barrierefreie Ansicht öffnen', 'Open the accessible view'],
  'consentPaper.sheetFailed': [
    'Der Einwilligungsbogen konnte nicht geladen werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
    'The consent sheet could not be loaded. Please reload the page and try again.',
  ],
  'consentPaper.reviewNote': [
    'Die Übersetzungen sind Entwürfe: Vor dem Einsatz muss eine qualifizierte Person sie prüfen.',
    'The translations are drafts: a qualified person must review them before use.',
  ],
  'consentPaper.evidence': ['Unterschriebener Bogen', 'Signed sheet'],
  'consentPaper.noEvidence': [
    'Noch kein unterschriebener Bogen hochgeladen.',
    'No signed sheet uploaded yet.',
  ],
  'consentPaper.evidenceFacts': [
    '{type}, {size}, hochgeladen am {when} von {who}',
    '{type}, {size}, uploaded on {when} by {who}',
  ],
  'consentPaper.download': ['Scan herunterladen', 'Download the scan'],
  'consentPaper.file': [
    'Scan des unterschriebenen Bogens (PDF, JPEG oder PNG, höchstens 10 MB)',
    'Scan of the signed sheet (PDF, JPEG or PNG, at most 10 MB)',
  ],
  'consentPaper.upload': ['Scan hochladen', 'Upload the scan'],
  'consentPaper.replace': ['Scan ersetzen', 'Replace the scan'],
  'consentPaper.uploaded': ['Der Scan ist gespeichert (verschlüsselt).', 'The scan is stored (encrypted).'],
  'consentPaper.chooseFile': ['Bitte wählen Sie zuerst eine Datei aus.', 'Please choose a file first.'],
  'consentPaper.tooLarge': [
    'Die Datei ist größer als 10 MB. Bitte scannen Sie mit geringerer Auflösung oder als PDF und laden Sie erneut hoch.',
    'The file is larger than 10 MB. Please scan at a lower resolution or as a PDF and upload again.',
  ],
  'consentPaper.wrongType': [
    'Die Datei ist kein PDF, JPEG oder PNG (geprüft wird der Inhalt, nicht der Name). Bitte laden Sie den Scan in einem dieser Formate hoch.',
    'The file is not a PDF, JPEG or PNG (its content is checked, not its name). Please upload the scan in one of these formats.',
  ],
  'consentPaper.uploadFailed': [
    'Der Scan konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
    'The scan could not be stored. Please try again.',
  ],
  'consentPaper.erased': [
    'Der Fall ist gelöscht: Es kann kein Scan mehr gespeichert werden.',
    'The case is erased: no scan can be stored any more.',
  ],
};
